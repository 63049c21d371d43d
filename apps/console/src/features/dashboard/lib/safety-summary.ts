import type { CommuneRefDto, EventPeriodStatusDto, NetworkSafetyDto, OperatorCode, PrioritySiteDto, Severity } from '@netduty/contracts';
import { SEVERITIES } from '@netduty/contracts';
import { percentOf } from './numbers';

/**
 * Whether communications in the province are uninterrupted (thông tin liên lạc thông suốt), as the
 * headline says it: disrupted when a commune has lost every operator's signal or a P0 site is down;
 * locally affected when an operator has lost every one of its BTS in some commune (people there still
 * have another operator); uninterrupted otherwise (a site down elsewhere is covered by its neighbours,
 * and shows in the tiles).
 */
export type CommunicationsState = 'uninterrupted' | 'affected' | 'disrupted';

export type Tone = 'ok' | 'warn' | 'alarm' | 'neutral';

export interface OperatorCoverageLoss {
  operatorCode: OperatorCode;
  operatorName: string;
  communes: CommuneRefDto[];
}

export interface SafetySummary {
  state: CommunicationsState;
  sites: { total: number; inService: number; degraded: number; down: number; onBattery: number; onGenerator: number; offAir: number; percentInService: number | null; tone: Tone };
  p0: { total: number; down: number; degraded: number; tone: Tone; notInService: PrioritySiteDto[] };
  open: { total: number; bySeverity: { severity: Severity; count: number }[]; tone: Tone };
  breached: { acknowledge: number; restore: number; total: number; tone: Tone };
  coverage: {
    percentWithSignal: number;
    communesWithSignal: number;
    communesWithBts: number;
    withoutAnyService: CommuneRefDto[];
    operatorLosses: OperatorCoverageLoss[];
    /** Communes where at least one operator, or every one, has lost its signal. */
    communesAffected: number;
    tone: Tone;
  };
  /** The running event period, else the next one; null when none is set. */
  event: EventPeriodStatusDto | null;
}

export function summariseSafety(safety: NetworkSafetyDto): SafetySummary {
  const { sites, coverage } = safety;
  const p0Down = safety.p0Sites.filter((site) => site.state === 'down').length;
  const p0Degraded = safety.p0Sites.filter((site) => site.state === 'degraded').length;
  const operatorLosses = coverage.byOperator.filter((entry) => entry.communes.length > 0).map(({ operatorCode, operatorName, communes }) => ({ operatorCode, operatorName, communes }));
  const affected = new Set([...coverage.withoutAnyService, ...operatorLosses.flatMap((loss) => loss.communes)].map((commune) => commune.code));
  const breachedTotal = safety.breachedNow.acknowledge + safety.breachedNow.restore;
  const state: CommunicationsState =
    coverage.withoutAnyService.length > 0 || p0Down > 0 ? 'disrupted' : operatorLosses.length > 0 ? 'affected' : 'uninterrupted';
  return {
    state,
    sites: {
      total: sites.total,
      inService: sites.inService,
      degraded: sites.degraded,
      down: sites.down,
      onBattery: sites.onBattery,
      onGenerator: sites.onGenerator,
      offAir: sites.offAir,
      percentInService: percentOf(sites.inService, sites.total),
      tone: sites.offAir > 0 ? 'alarm' : sites.down > 0 ? 'warn' : 'ok',
    },
    p0: {
      total: safety.p0Sites.length,
      down: p0Down,
      degraded: p0Degraded,
      tone: p0Down > 0 ? 'alarm' : p0Degraded > 0 ? 'warn' : 'ok',
      notInService: safety.p0Sites.filter((site) => site.state !== 'in_service'),
    },
    open: {
      total: safety.openTotal,
      bySeverity: SEVERITIES.map((severity) => ({ severity, count: safety.openBySeverity[severity] ?? 0 })),
      tone: (safety.openBySeverity.critical ?? 0) > 0 ? 'warn' : 'neutral',
    },
    breached: { acknowledge: safety.breachedNow.acknowledge, restore: safety.breachedNow.restore, total: breachedTotal, tone: breachedTotal > 0 ? 'alarm' : 'ok' },
    coverage: {
      percentWithSignal: coverage.percentWithSignal,
      communesWithSignal: coverage.communesWithSignal,
      communesWithBts: coverage.communesWithBts,
      withoutAnyService: coverage.withoutAnyService,
      operatorLosses,
      communesAffected: affected.size,
      tone: coverage.withoutAnyService.length > 0 ? 'alarm' : operatorLosses.length > 0 ? 'warn' : 'ok',
    },
    event: safety.eventPeriods.find((period) => period.status === 'running') ?? safety.eventPeriods[0] ?? null,
  };
}

/** Communes with sites down, most first (the api orders them), at most `limit`. */
export function communesWithSitesDown(safety: NetworkSafetyDto, limit: number) {
  return safety.byCommune.filter((commune) => commune.down > 0).slice(0, limit);
}

/**
 * The board's URL for a tile: the dashboard's operator, commune and severity carry over (the board
 * takes the same values), and the P0 tile opens the board's P0 switch. Breached incidents need no
 * filter: the board's order puts every breached incident on top.
 */
export function boardLink(filters: { operatorCode: OperatorCode | null; communeCode: string | null; severity: Severity | null }, p0Only = false): string {
  const params = new URLSearchParams();
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.operatorCode) params.set('operator', filters.operatorCode);
  if (filters.communeCode) params.set('commune', filters.communeCode);
  if (p0Only) params.set('priority', 'P0');
  const query = params.toString();
  return query ? `/?${query}` : '/';
}
