export { SnmpTrapModule } from './snmp-trap.module';
export { SnmpTrapReceiver } from './snmp-trap-receiver.service';
export { SnmpTrapSources, snmpCommunityHash, type SnmpV3User } from './snmp-trap-sources';
export type { SnmpTrapStats } from './snmp-trap-stats';
export { trapMappingTable, InvalidTrapMappingError, type TrapMapping, type TrapMappingTable } from './trap-mapping';
export { DEFAULT_TRAP_MAPPINGS, POWER_CABINET_MIB, LINK_TRAPS } from './default-trap-mappings';
export { trapToAlarmChange, clearWithoutRaise, type ReceivedTrap, type TrapSource, type TrapOutcome } from './trap-to-alarm-change';
