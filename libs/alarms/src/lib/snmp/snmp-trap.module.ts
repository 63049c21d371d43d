import { Module } from '@nestjs/common';
import { AuditModule } from '@netduty/identity';
import { AlarmIntakeModule } from '../alarm-intake.module';
import { SnmpTrapReceiver } from './snmp-trap-receiver.service';
import { SnmpTrapSources } from './snmp-trap-sources';

/** SNMP traps into the alarm intake; the api imports it, and it listens only when SNMP_TRAP_PORT is set. */
@Module({
  imports: [AlarmIntakeModule, AuditModule],
  providers: [SnmpTrapSources, SnmpTrapReceiver],
  exports: [SnmpTrapSources, SnmpTrapReceiver],
})
export class SnmpTrapModule {}
