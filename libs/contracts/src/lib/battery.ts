import type { IsoInstant, SiteSummaryDto } from './dto';
import type { IncidentCategory } from './enums';

/**
 * Battery runtime and generators (chạy ắc quy và điều phối máy phát): how long each site on batteries
 * has before it goes off air, the order generator teams go out in, each team's dispatch from assignment
 * to the generator stopping, and afterwards how good the estimates were.
 */

/**
 * A generator team's dispatch, in order: assigned (đã phân công), departed (đang di chuyển), arrived
 * (đã đến trạm), running (máy phát đang chạy), stopped (đã dừng). Stopped is the end, reached from any
 * step: the generator is switched off, or the team stands down because mains came back first.
 */
export const GENERATOR_DISPATCH_STATUSES = ['assigned', 'departed', 'arrived', 'running', 'stopped'] as const;
export type GeneratorDispatchStatus = (typeof GENERATOR_DISPATCH_STATUSES)[number];

/** The verbs that move a dispatch (POST /battery/dispatches/:id/<step>), each to one status. */
export const GENERATOR_DISPATCH_STEPS = ['depart', 'arrive', 'run', 'stop'] as const;
export type GeneratorDispatchStep = (typeof GENERATOR_DISPATCH_STEPS)[number];

/**
 * Why a dispatch step is refused (409 conflict, details.reason): taken before the step it follows, or
 * on a dispatch already stopped.
 */
export const GENERATOR_DISPATCH_REFUSALS = ['dispatch_out_of_order', 'dispatch_finished'] as const;
export type GeneratorDispatchRefusal = (typeof GENERATOR_DISPATCH_REFUSALS)[number];

/**
 * What an estimate rests on: the bank's capacity and load from the mains loss, the battery's own DC low
 * voltage alarm, a running generator (no countdown), or mains (no loss seen: no countdown).
 */
export const BATTERY_RUNTIME_BASES = ['capacity', 'dc_low_voltage', 'generator', 'mains'] as const;
export type BatteryRuntimeBasis = (typeof BATTERY_RUNTIME_BASES)[number];

export const BATTERY_LIMITS = {
  /** The generator team as the duty officer writes it: its name and a phone to call. */
  teamMaxLength: 200,
  noteMaxLength: 1000,
  /** GET /battery/outcomes: the longest period asked at once, and the default when `from` is left out. */
  outcomesMaxDays: 92,
  outcomesDefaultDays: 7,
} as const;

export interface GeneratorDispatchDto {
  id: string;
  siteId: string;
  /** The site's open power incident when the team was assigned (null when there was none: a team pre-positioned). */
  incidentId: string | null;
  team: string;
  note: string | null;
  status: GeneratorDispatchStatus;
  assignedAt: IsoInstant;
  departedAt: IsoInstant | null;
  arrivedAt: IsoInstant | null;
  runningAt: IsoInstant | null;
  stoppedAt: IsoInstant | null;
  createdBy: string;
  createdByName: string;
  /** The steps that may be taken now, in order (empty once stopped). */
  nextSteps: GeneratorDispatchStep[];
}

/** POST /battery/dispatches. */
export interface CreateGeneratorDispatchRequest {
  siteId: string;
  team: string;
  note?: string;
}

/** The battery bank an estimate used: the site's own figures where the inventory has them, else its kind's default. */
export interface BatteryProfileDto {
  capacityAh: number;
  loadWatts: number;
  nominalVoltage: number;
  /** Whether capacity and load both come from the site's record (false: at least one is the kind's default). */
  fromInventory: boolean;
}

/** The first power-cabinet alarm of each kind in the current outage (null when not seen). */
export interface PowerEventsDto {
  mainsLostAt: IsoInstant | null;
  onBatteriesAt: IsoInstant | null;
  dcLowVoltageAt: IsoInstant | null;
  generatorOnAt: IsoInstant | null;
}

/** One site with an open mains failure, low battery or generator incident, in dispatch order. */
export interface BatteryCountdownEntryDto {
  /** 1 for the site the next generator should go to. */
  rank: number;
  site: SiteSummaryDto;
  /** The tier the order counts: the higher of the site's and its open power incidents' (an event period makes a site P0). */
  priority: SiteSummaryDto['priority'];
  /** The open power incident the estimate is about (the mains failure first, then low battery, then generator). */
  incidentId: string;
  category: Extract<IncidentCategory, 'mains_failure' | 'low_battery' | 'generator'>;
  events: PowerEventsDto;
  /** Whole minutes until the site goes off air (0 once past); null when it is not counting down. */
  minutesLeft: number | null;
  offAirAt: IsoInstant | null;
  basis: BatteryRuntimeBasis;
  profile: BatteryProfileDto;
  /** 1 when no other BTS of the site's operator in its commune is in service (the commune loses that operator's coverage), else 0. */
  communesLosingService: number;
  /** The team on its way or at work there (not yet stopped), if any. */
  dispatch: GeneratorDispatchDto | null;
}

export interface BatteryCountdownDto {
  computedAt: IsoInstant;
  entries: BatteryCountdownEntryDto[];
}

/** A site that went off air while an estimate of its runtime existed: when it was expected, and when it happened. */
export interface BatteryOutcomeDto {
  site: SiteSummaryDto;
  incidentId: string;
  mainsLostAt: IsoInstant;
  /** The first estimate made for this loss of mains. */
  estimatedOffAirAt: IsoInstant;
  estimatedAt: IsoInstant;
  /** The site's first change to off air after the estimate. */
  actualOffAirAt: IsoInstant;
  /** Whole minutes the site went off air before its estimate (negative: that many minutes after it). */
  minutesEarly: number;
  early: boolean;
}

export interface BatteryOutcomesDto {
  from: IsoInstant;
  to: IsoInstant;
  /** Most surprising first: the earliest before its estimate leads. */
  outcomes: BatteryOutcomeDto[];
  early: number;
  late: number;
}
