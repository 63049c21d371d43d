/** Demo rosters (ca trực): the department's tổ trực, leadership duty and one group per cluster, from the start of the seed's week. */
import { DEFAULT_ROSTER_TIME_ZONE, DEPARTMENT_DUTY_GROUP_ID, type CrewDto, type OnDutyGroupDto, type OperatorCode } from '@netduty/contracts';
import { rosterFromWire, shiftsBetween } from '@netduty/domain';

export interface DemoRosterPeople {
  /** Duty officers in a stable order (the demo's trucban, trucban2, …). */
  dutyOfficerIds: string[];
  leadershipIds: string[];
  clusters: { id: string; name: string; operatorCode: OperatorCode }[];
  /** Cluster staff per operator, and the cluster each is narrowed to (null: the whole operator). */
  clusterStaff: { id: string; operatorCode: OperatorCode; clusterId: string | null }[];
}

const DAY_MS = 86_400_000;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Monday of `now`'s week in Asia/Ho_Chi_Minh, as a local date and as the instant of its midnight. The
 * province keeps UTC+7 all year (no DST since 1975), so the local midnight is written with that offset.
 */
export function weekStartInProvince(now: Date): { date: string; midnight: Date } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_ROSTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? 'Mon');
  const today = new Date(`${parts['year']}-${parts['month']}-${parts['day']}T00:00:00+07:00`);
  const midnight = new Date(today.getTime() - weekday * DAY_MS);
  const date = new Date(midnight.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { date, midnight };
}

function crewsOf(ids: string[], size: number): CrewDto[] {
  const crews: CrewDto[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const memberIds = ids.slice(start, start + size);
    const [leadId] = memberIds;
    if (leadId) crews.push({ memberIds, leadId });
  }
  return crews;
}

/**
 * The department's tổ trực: three shifts a day (07–15, 15–23, 23–07) taken in turn by crews of two
 * duty officers, with one override (someone sick two days on) and one swap (tomorrow morning), so the
 * console has both to show.
 */
export function departmentRoster(people: DemoRosterPeople, now: Date): OnDutyGroupDto | null {
  const crews = crewsOf(people.dutyOfficerIds, 2);
  if (crews.length === 0) return null;
  const week = weekStartInProvince(now);
  const group: OnDutyGroupDto = {
    id: DEPARTMENT_DUTY_GROUP_ID,
    name: 'Tổ trực Sở Khoa học và Công nghệ',
    kind: 'department',
    clusterId: null,
    timeZone: DEFAULT_ROSTER_TIME_ZONE,
    rotations: [
      {
        id: 'ba-ca',
        templates: [
          { id: 'ca-sang', startTime: '07:00', endTime: '15:00' },
          { id: 'ca-chieu', startTime: '15:00', endTime: '23:00' },
          { id: 'ca-dem', startTime: '23:00', endTime: '07:00' },
        ],
        weekdays: [...ALL_WEEK],
        anchorDate: week.date,
        crews,
        effectiveFrom: week.midnight.toISOString(),
        effectiveUntil: null,
      },
    ],
    oneOffShifts: [],
    overrides: [],
    swaps: [],
  };
  const tomorrow = new Date(week.midnight.getTime() + Math.floor((now.getTime() - week.midnight.getTime()) / DAY_MS + 1) * DAY_MS);
  const upcoming = shiftsBetween(rosterFromWire(group), tomorrow, new Date(tomorrow.getTime() + 3 * DAY_MS));
  const morning = upcoming.find((shift) => shift.templateId === 'ca-sang');
  const outgoing = morning?.memberIds.find((id) => id !== morning.leadId);
  const incoming = people.dutyOfficerIds.find((id) => !morning?.memberIds.includes(id));
  if (morning?.scheduledStartsAt && outgoing && incoming) {
    group.swaps.push({ id: 'doi-ca-1', templateId: 'ca-sang', occurrenceStartsAt: morning.scheduledStartsAt.toISOString(), outgoingUserId: outgoing, incomingUserId: incoming });
  }
  const afternoon = upcoming.filter((shift) => shift.templateId === 'ca-chieu')[1];
  // The stand-ins are the crew off duty that day (not the night crew, who would then work round the clock).
  const dayStart = new Date(tomorrow.getTime() + DAY_MS);
  const busy = new Set(upcoming.filter((shift) => shift.startsAt >= dayStart && shift.startsAt.getTime() < dayStart.getTime() + DAY_MS).flatMap((shift) => shift.memberIds));
  const stand = afternoon ? people.dutyOfficerIds.filter((id) => !busy.has(id) && !afternoon.memberIds.includes(id)).slice(0, 2) : [];
  const [standLead] = stand;
  if (afternoon && standLead) {
    group.overrides.push({
      id: 'thay-ca-1',
      startsAt: afternoon.startsAt.toISOString(),
      endsAt: new Date(afternoon.startsAt.getTime() + 4 * 3_600_000).toISOString(),
      memberIds: stand,
      leadId: standLead,
    });
  }
  return group;
}

/** Trực lãnh đạo: one leader a whole week (07:00 Monday to 07:00 the next), in turn. */
export function leadershipRoster(people: DemoRosterPeople, now: Date): Omit<OnDutyGroupDto, 'id'> | null {
  if (people.leadershipIds.length === 0) return null;
  const week = weekStartInProvince(now);
  // Crews take turns per daily occurrence; seven turns in a row make the week.
  const crews = people.leadershipIds.flatMap((id) => Array.from({ length: 7 }, () => ({ memberIds: [id], leadId: id })));
  return {
    name: 'Trực lãnh đạo Sở',
    kind: 'leadership',
    clusterId: null,
    timeZone: DEFAULT_ROSTER_TIME_ZONE,
    rotations: [
      {
        id: 'truc-tuan',
        templates: [{ id: 'ca-ngay-dem', startTime: '07:00', endTime: '07:00' }],
        weekdays: [...ALL_WEEK],
        anchorDate: week.date,
        crews,
        effectiveFrom: week.midnight.toISOString(),
        effectiveUntil: null,
      },
    ],
    oneOffShifts: [],
    overrides: [],
    swaps: [],
  };
}

/** One group per cluster: its staff on call round the clock (07:00 to 07:00). Clusters without staff get none. */
export function clusterRosters(people: DemoRosterPeople, now: Date): Omit<OnDutyGroupDto, 'id'>[] {
  const week = weekStartInProvince(now);
  return people.clusters.flatMap((cluster) => {
    const staff = people.clusterStaff
      .filter((person) => person.operatorCode === cluster.operatorCode && (person.clusterId === null || person.clusterId === cluster.id))
      .map((person) => person.id);
    const [leadId] = staff;
    if (!leadId) return [];
    return [
      {
        name: `Trực ${cluster.name}`,
        kind: 'cluster' as const,
        clusterId: cluster.id,
        timeZone: DEFAULT_ROSTER_TIME_ZONE,
        rotations: [
          {
            id: 'truc-cum',
            templates: [{ id: 'ca-cum', startTime: '07:00', endTime: '07:00' }],
            weekdays: [...ALL_WEEK],
            anchorDate: week.date,
            crews: [{ memberIds: staff, leadId }],
            effectiveFrom: week.midnight.toISOString(),
            effectiveUntil: null,
          },
        ],
        oneOffShifts: [],
        overrides: [],
        swaps: [],
      },
    ];
  });
}
