/** What the trap receiver did since the api started (a trap is counted once, under what became of it). */
export interface SnmpTrapStats {
  received: number;
  /** Handed to the alarm intake and committed. */
  accepted: number;
  /** v2c with a community no source has. */
  unknownCommunity: number;
  /** v3 whose user names no source in nms_sources. */
  unknownUser: number;
  /** Refused by net-snmp itself: unknown v3 user, wrong digest, undecryptable, malformed. */
  notAuthenticated: number;
  /** SNMPv1 traps and other PDUs than a v2 trap or an inform. */
  unsupported: number;
  /** A trap OID without a mapping. */
  unmapped: number;
  /** Mapped, but without the varbinds its mapping needs. */
  invalid: number;
  /** Refused by the intake as TMF642 refuses it: a site code the source's operator does not have. */
  unknownSite: number;
  /** Refused by the intake for any other reason (saturated, database failure). */
  failed: number;
}

export type SnmpTrapDropReason = Exclude<keyof SnmpTrapStats, 'received' | 'accepted'>;

export function emptySnmpTrapStats(): SnmpTrapStats {
  return { received: 0, accepted: 0, unknownCommunity: 0, unknownUser: 0, notAuthenticated: 0, unsupported: 0, unmapped: 0, invalid: 0, unknownSite: 0, failed: 0 };
}
