import { UPSTREAM_KINDS, type UpstreamKind } from '@netduty/contracts';

/**
 * Mass-outage correlation. On a bad day one power feeder, one fibre route or one aggregation node takes
 * dozens of sites down at once; the board should show one parent incident for the cause, with the sites'
 * incidents as its children, so responders go to the feeder or the cut rather than to every site.
 */

/** A down site whose incident has no parent yet, with the upstream it depends on (from the inventory). */
export interface SiteDownObservation {
  siteId: string;
  incidentId: string;
  /** The power feeder or substation the site is fed from. */
  powerFeeder: string | null;
  /** The fibre route that carries the site's traffic. */
  transmissionRoute: string | null;
  /** The code of the aggregation (hub) node the site hangs off. */
  aggregationNode: string | null;
  siteCode: string;
  firstPowerAlarmAt: Date | null;
  firstSignalAlarmAt: Date | null;
}

export interface OpenParent {
  incidentId: string;
  kind: UpstreamKind;
  key: string;
}

export interface CorrelationPolicy {
  /** How recent a site's first alarm must be to count toward a new parent. */
  windowSeconds: number;
  /** Distinct sites a group needs before it opens a parent. */
  minimumSites: number;
}

export const DEFAULT_CORRELATION_POLICY: Readonly<CorrelationPolicy> = { windowSeconds: 120, minimumSites: 3 };

export type CorrelationDecision =
  | { type: 'open_parent'; kind: UpstreamKind; key: string; childIncidentIds: string[] }
  | { type: 'attach'; parentIncidentId: string; childIncidentIds: string[] };

/**
 * Why a site is down. A site that loses mains reports the power alarm first and its links drop after
 * (lossOfSignal is then a consequence), so a power alarm no later than the first signal alarm means
 * 'power'; a signal alarm alone, or strictly first, means 'signal'; no alarm, no cause.
 */
export function siteDownCause(observation: SiteDownObservation): 'power' | 'signal' | null {
  const power = observation.firstPowerAlarmAt;
  const signal = observation.firstSignalAlarmAt;
  if (power !== null && (signal === null || power.getTime() <= signal.getTime())) return 'power';
  return signal === null ? null : 'signal';
}

type Cause = 'power' | 'signal';
interface Candidate extends SiteDownObservation {
  cause: Cause;
}
type Group = { kind: UpstreamKind; key: string; members: SiteDownObservation[] };

/** Blank inventory values are no value: a site without a known upstream is never correlated. */
function known(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

const slot = (kind: UpstreamKind, key: string): string => `${kind}\u0000${key}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const distinctSites = (members: readonly SiteDownObservation[]): number => new Set(members.map((member) => member.siteId)).size;

/** The upstreams a site could hang off, the most upstream first; its own code, when it is a node itself, last. */
function upstreamsOf(observation: SiteDownObservation, cause: Cause | null): [UpstreamKind, string][] {
  const found: [UpstreamKind, string | null][] =
    cause === 'power'
      ? [['power_feeder', known(observation.powerFeeder)]]
      : cause === 'signal'
        ? [['aggregation_node', known(observation.aggregationNode)], ['transmission_route', known(observation.transmissionRoute)]]
        : [];
  found.push(['aggregation_node', known(observation.siteCode)]);
  return found.filter((entry): entry is [UpstreamKind, string] => entry[1] !== null);
}

function groupBy(members: readonly Candidate[], kind: UpstreamKind, keyOf: (member: Candidate) => string | null): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const member of members) {
    const key = keyOf(member);
    if (key === null) continue;
    const group = groups.get(key) ?? { kind, key, members: [] };
    group.members.push(member);
    groups.set(key, group);
  }
  return groups;
}

/**
 * Chooses, for each signal site, between its fibre route and its aggregation node. The node is the cause
 * when the node's own site is down, or when the dark sites behind it sit on more than one route (two
 * routes rarely fail together; the hub they meet at does) — and only for a route whose dark sites all
 * hang off that node. Otherwise the route is the cause. Node groups too small to open fall back to routes.
 */
function signalGroups(pool: readonly Candidate[], downCodes: ReadonlySet<string>, minimumSites: number): Group[] {
  const byRoute = groupBy(pool, 'transmission_route', (member) => known(member.transmissionRoute));
  const byNode = groupBy(pool, 'aggregation_node', (member) => known(member.aggregationNode));
  const nodeIsCause = (node: string): boolean => {
    const routes = new Set((byNode.get(node)?.members ?? []).map((member) => known(member.transmissionRoute)).filter((route) => route !== null));
    return downCodes.has(node) || routes.size > 1;
  };
  const toNode = new Map<string, Candidate[]>();
  const toRoute = new Map<string, Candidate[]>();
  const add = (target: Map<string, Candidate[]>, key: string, member: Candidate) => target.set(key, [...(target.get(key) ?? []), member]);
  for (const member of pool) {
    const node = known(member.aggregationNode);
    const route = known(member.transmissionRoute);
    const routeAllOnNode = route !== null && (byRoute.get(route)?.members ?? []).every((other) => known(other.aggregationNode) === node);
    if (node !== null && (route === null || (nodeIsCause(node) && routeAllOnNode))) add(toNode, node, member);
    else if (route !== null) add(toRoute, route, member);
  }
  const groups: Group[] = [];
  for (const [node, members] of toNode) {
    if (distinctSites(members) >= minimumSites) groups.push({ kind: 'aggregation_node', key: node, members });
    else for (const member of members) if (known(member.transmissionRoute) !== null) add(toRoute, known(member.transmissionRoute) as string, member);
  }
  for (const [route, members] of toRoute) groups.push({ kind: 'transmission_route', key: route, members });
  return groups.filter((group) => distinctSites(group.members) >= minimumSites);
}

function assertPolicy(policy: CorrelationPolicy): void {
  if (!Number.isFinite(policy.windowSeconds) || policy.windowSeconds < 0) throw new RangeError(`window ${policy.windowSeconds} is not a duration`);
  if (!Number.isInteger(policy.minimumSites) || policy.minimumSites < 1) throw new RangeError(`minimumSites ${policy.minimumSites} is not a positive whole number`);
}

/**
 * What to do with the down sites that have no parent yet:
 * 1. A site whose upstream already has an open parent joins it, however late its alarm came.
 * 2. Of the rest, sites whose relevant first alarm (power or signal, by siteDownCause) falls in the window
 *    ending at `now` group by feeder (power) or by route or node (signal, see signalGroups); a group of at
 *    least `minimumSites` distinct sites opens a parent. An aggregation node's own down site joins its parent.
 * Each incident appears in one decision at most. Decisions come sorted by kind (UPSTREAM_KINDS order)
 * then key, child ids sorted, so the same input always gives the same output.
 */
export function correlate(observations: readonly SiteDownObservation[], openParents: readonly OpenParent[], now: Date, policy: CorrelationPolicy): CorrelationDecision[] {
  assertPolicy(policy);
  const parents = new Map<string, OpenParent>();
  for (const parent of [...openParents].sort((a, b) => byText(a.incidentId, b.incidentId))) {
    if (!parents.has(slot(parent.kind, parent.key))) parents.set(slot(parent.kind, parent.key), parent);
  }
  const claimed = new Set<string>();
  const outcomes = new Map<string, { kind: UpstreamKind; key: string; parentIncidentId: string | null; children: string[] }>();
  const claim = (kind: UpstreamKind, key: string, parentIncidentId: string | null, incidentId: string) => {
    if (claimed.has(incidentId)) return;
    claimed.add(incidentId);
    const outcome = outcomes.get(slot(kind, key)) ?? { kind, key, parentIncidentId, children: [] };
    outcome.children.push(incidentId);
    outcomes.set(slot(kind, key), outcome);
  };

  for (const observation of observations) {
    const parent = upstreamsOf(observation, siteDownCause(observation))
      .map(([kind, key]) => parents.get(slot(kind, key)))
      .find((found) => found !== undefined);
    if (parent !== undefined) claim(parent.kind, parent.key, parent.incidentId, observation.incidentId);
  }

  const windowStart = now.getTime() - policy.windowSeconds * 1000;
  const fresh: Candidate[] = [];
  for (const observation of observations) {
    const cause = siteDownCause(observation);
    const alarmAt = cause === 'power' ? observation.firstPowerAlarmAt : observation.firstSignalAlarmAt;
    if (cause === null || alarmAt === null || claimed.has(observation.incidentId)) continue;
    // No upper bound: an NMS clock a little ahead of ours must not keep its sites out of the window.
    if (alarmAt.getTime() >= windowStart) fresh.push({ ...observation, cause });
  }
  const feederGroups = [...groupBy(fresh.filter((member) => member.cause === 'power'), 'power_feeder', (member) => known(member.powerFeeder)).values()];
  const downCodes = new Set(observations.map((observation) => known(observation.siteCode)).filter((code) => code !== null));
  const signalPool = fresh.filter((member) => member.cause === 'signal');
  const opened = [...feederGroups.filter((group) => distinctSites(group.members) >= policy.minimumSites), ...signalGroups(signalPool, downCodes, policy.minimumSites)];
  for (const group of opened) for (const member of group.members) claim(group.kind, group.key, null, member.incidentId);
  for (const group of opened.filter((candidate) => candidate.kind === 'aggregation_node')) {
    for (const observation of observations) if (known(observation.siteCode) === group.key) claim(group.kind, group.key, null, observation.incidentId);
  }

  return [...outcomes.values()]
    .sort((a, b) => UPSTREAM_KINDS.indexOf(a.kind) - UPSTREAM_KINDS.indexOf(b.kind) || byText(a.key, b.key))
    .map((outcome): CorrelationDecision => {
      const childIncidentIds = [...outcome.children].sort(byText);
      return outcome.parentIncidentId === null
        ? { type: 'open_parent', kind: outcome.kind, key: outcome.key, childIncidentIds }
        : { type: 'attach', parentIncidentId: outcome.parentIncidentId, childIncidentIds };
    });
}
