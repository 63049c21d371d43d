import { createSocket, type Socket, type SocketType } from 'node:dgram';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import * as snmp from 'net-snmp';
import { APP_CONFIG, type AppConfig } from '@netduty/platform-config';
import { NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import type { AlarmChange } from '../intake/alarm-change';
import { AlarmIntake } from '../intake/alarm-intake.service';
import { DEFAULT_TRAP_MAPPINGS } from './default-trap-mappings';
import { SnmpTrapSources } from './snmp-trap-sources';
import { emptySnmpTrapStats, type SnmpTrapDropReason, type SnmpTrapStats } from './snmp-trap-stats';
import { trapMappingTable, type TrapMappingTable } from './trap-mapping';
import { clearWithoutRaise, trapToAlarmChange, type ReceivedTrap, type TrapSource } from './trap-to-alarm-change';

/** SNMPv2-MIB snmpTrapOID.0 and sysUpTime.0, the first two varbinds of every v2 notification. */
const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';
const SYS_UP_TIME = '1.3.6.1.2.1.1.3.0';
/** A dropped trap is logged at most once per reason in this long, with how many were dropped since. */
const DROP_LOG_INTERVAL_MS = 60_000;

interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

interface Notification {
  pdu: { type: number; varbinds: Varbind[]; community?: string; user?: string };
  rinfo: { address: string; port: number };
}

interface NetSnmpReceiver {
  getAuthorizer(): { addUser(user: snmp.User): void; communities: unknown };
  close(callback?: () => void): void;
}

function text(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8').replace(/\0+$/, '');
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The SNMP trap receiver (v2c and v3) of the api process, on net-snmp's createReceiver: on only when
 * SNMP_TRAP_PORT is set. A trap's community or USM user names its NMS source; its OID's mapping makes
 * it an alarm change, handed to the same AlarmIntake as TMF642, so what is accepted is committed with
 * the same group commit (UDP has no answer to give: durability is the intake's).
 *
 * Traps are resolved one after the other and enqueued in arrival order, but not waited for one by one:
 * a storm forms the intake's batches as TMF642 requests do.
 */
@Injectable()
export class SnmpTrapReceiver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SnmpTrapReceiver.name);
  /** Validated when the api starts, whether the receiver is on or not: a bad mapping stops the boot. */
  private readonly mappings: TrapMappingTable = trapMappingTable(DEFAULT_TRAP_MAPPINGS);
  private readonly counters: SnmpTrapStats = emptySnmpTrapStats();
  private readonly dropLog = new Map<SnmpTrapDropReason, { since: number; lastAt: number }>();
  private receiver: NetSnmpReceiver | null = null;
  private sockets: Socket[] = [];
  /** The resolution stage, in arrival order. */
  private tail: Promise<void> = Promise.resolve();
  private readonly settling = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SnmpTrapSources,
    private readonly intake: AlarmIntake,
  ) {}

  stats(): SnmpTrapStats {
    return { ...this.counters };
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.SNMP_TRAP_PORT;
    if (port === 0) return;
    const sockets: Socket[] = [];
    const receiver = snmp.createReceiver(
      {
        port,
        address: this.config.SNMP_TRAP_ADDRESS,
        transport: 'udp4',
        includeAuthentication: true,
        // Only to learn when the socket is bound (or why not): net-snmp binds without telling.
        dgramModule: {
          createSocket: (type: SocketType) => {
            const socket = createSocket(type);
            sockets.push(socket);
            return socket;
          },
        },
      },
      (error: Error | null, notification: Notification | undefined) => this.onNotification(error, notification),
    ) as NetSnmpReceiver;
    const authorizer = receiver.getAuthorizer();
    // v2c: nms_sources keeps only a community's hash, so net-snmp (which compares communities in clear)
    // is told every community passes, and handle() decides by the hash. v3 stays net-snmp's: a user's
    // digest and privacy are checked against the keys added here.
    authorizer.communities = { filter: () => ['*'] };
    for (const user of this.sources.v3Users()) {
      authorizer.addUser({
        name: user.user,
        level: snmp.SecurityLevel.authPriv,
        authProtocol: snmp.AuthProtocols.sha,
        authKey: user.authKey,
        privProtocol: snmp.PrivProtocols.aes,
        privKey: user.privKey,
      });
    }
    this.receiver = receiver;
    this.sockets = sockets;
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('listening', () => resolve());
            socket.once('error', reject);
          }),
      ),
    );
    this.logger.log(`SNMP trap receiver on udp ${this.config.SNMP_TRAP_ADDRESS}:${port} (${this.mappings.size} trap OIDs mapped, ${this.sources.v3Users().length} v3 users)`);
  }

  async onModuleDestroy(): Promise<void> {
    const receiver = this.receiver;
    this.receiver = null;
    if (receiver && this.sockets.length > 0) await new Promise<void>((resolve) => receiver.close(() => resolve()));
    // Traps already received are enqueued and committed before the intake drains.
    await this.tail;
    await Promise.all([...this.settling]);
  }

  private onNotification(error: Error | null, notification: Notification | undefined): void {
    this.counters.received += 1;
    if (error || !notification) {
      const from = (error as { rinfo?: { address: string } } | null)?.rinfo?.address ?? 'unknown';
      this.drop('notAuthenticated', `from ${from}: ${error?.message ?? 'empty notification'}`);
      return;
    }
    const receivedAt = new Date();
    this.tail = this.tail.then(() => this.handle(notification, receivedAt)).catch((failure: unknown) => {
      this.drop('failed', (failure as Error).message);
    });
  }

  private async handle(notification: Notification, receivedAt: Date): Promise<void> {
    const { pdu, rinfo } = notification;
    if (pdu.type !== snmp.PduType.TrapV2 && pdu.type !== snmp.PduType.InformRequest) {
      this.drop('unsupported', `PDU type ${pdu.type} from ${rinfo.address} (only SNMPv2c and v3 notifications)`);
      return;
    }
    let source: TrapSource | null;
    let version: ReceivedTrap['version'];
    if (pdu.community !== undefined) {
      version = 'v2c';
      source = await this.sources.byCommunity(pdu.community);
      if (!source) return this.drop('unknownCommunity', `v2c trap from ${rinfo.address} with an unknown community`);
    } else {
      version = 'v3';
      source = pdu.user ? await this.sources.byV3User(pdu.user) : null;
      if (!source) return this.drop('unknownUser', `v3 trap from ${rinfo.address}: user ${pdu.user ?? ''} names no NMS source`);
    }
    const trapOid = text(pdu.varbinds.find((entry) => entry.oid === SNMP_TRAP_OID)?.value);
    const trap: ReceivedTrap = {
      trapOid,
      varbinds: pdu.varbinds.filter((entry) => entry.oid !== SNMP_TRAP_OID && entry.oid !== SYS_UP_TIME).map((entry) => ({ oid: entry.oid, value: text(entry.value) })),
      version,
      agentAddress: rinfo.address,
      receivedAt,
    };
    const outcome = trapToAlarmChange(trap, this.mappings, source);
    switch (outcome.kind) {
      case 'unmapped':
        return this.drop('unmapped', `trap OID ${outcome.trapOid} from ${source.sourceSystemId} has no mapping`);
      case 'invalid':
        return this.drop('invalid', `trap ${outcome.trapOid} from ${source.sourceSystemId}: ${outcome.reason}`);
      case 'mapped':
        this.submit(outcome.change);
        return;
    }
  }

  /** Enqueued now (arrival order); its commit is awaited apart, so the next trap need not wait for it. */
  private submit(change: AlarmChange): void {
    const settled = this.settle(change).finally(() => this.settling.delete(settled));
    this.settling.add(settled);
  }

  private async settle(change: AlarmChange): Promise<void> {
    try {
      await this.intake.accept(change);
      this.counters.accepted += 1;
    } catch (error) {
      if (error instanceof NotFoundError && change.kind === 'update') {
        // A clear of an alarm never raised here: kept as a clear without a raise, as TMF642 keeps one.
        return this.settle(clearWithoutRaise(change));
      }
      if (error instanceof UnprocessableInputError) return this.drop('unknownSite', `${change.sourceSystemId}: site ${change.attributes.siteCode ?? ''} is not one of its operator's`);
      this.drop('failed', `${change.sourceSystemId} ${change.externalAlarmId}: ${(error as Error).message}`);
    }
  }

  /** Counted every time, logged once per reason and interval (a misconfigured element sends thousands). */
  private drop(reason: SnmpTrapDropReason, detail: string, now = Date.now()): void {
    this.counters[reason] += 1;
    const log = this.dropLog.get(reason);
    if (log && now - log.lastAt < DROP_LOG_INTERVAL_MS) return;
    const count = this.counters[reason] - (log?.since ?? 0);
    this.dropLog.set(reason, { since: this.counters[reason], lastAt: now });
    this.logger.warn(JSON.stringify({ event: 'snmp.trap_dropped', reason, dropped: count, last: detail }));
  }
}
