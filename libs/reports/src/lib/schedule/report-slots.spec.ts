import { getNextMillis } from 'bullmq';
import { DAILY_SCHEDULE_ID, EVENT_SCHEDULE_PREFIX, reportSchedules, reportSlotRules } from './report-schedules';
import { cronSlotAtOrBefore, intervalAnchor, intervalSlotAtOrAfter, intervalSlotAtOrBefore, isIntervalSlot, latestDueSlots, latestSlot, type SlotRule } from './report-slots';

const TZ = 'Asia/Ho_Chi_Minh';
const DAILY: SlotRule = { kind: 'cron', pattern: '0 7,17 * * *', tz: TZ };
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('the latest slot of a cron pattern (07:00 and 17:00 in Asia/Ho_Chi_Minh)', () => {
  it("is this morning's 07:00 at 09:00, and yesterday's 17:00 at 06:59", () => {
    expect(latestSlot(DAILY, at('2026-12-05T02:00:00Z'))?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(latestSlot(DAILY, at('2026-12-04T23:59:00Z'))?.toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });

  it('counts a slot falling exactly now, not one a millisecond ahead', () => {
    expect(latestSlot(DAILY, at('2026-12-05T00:00:00.000Z'))?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(latestSlot(DAILY, at('2026-12-04T23:59:59.999Z'))?.toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });

  it('keeps to the look-back: a yearly pattern whose slot is weeks old has none', () => {
    const yearly: SlotRule = { kind: 'cron', pattern: '0 0 1 1 *', tz: TZ };
    expect(latestSlot(yearly, at('2026-12-05T02:00:00Z'))).toBeNull();
    // 00:00 on 1 January in Lạng Sơn is 17:00 UTC the day before.
    expect(latestSlot(yearly, at('2027-01-01T05:00:00Z'))?.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(latestSlot(yearly, at('2027-01-01T17:00:01Z'))).toBeNull();
  });

  it('handles a pattern with a seconds field, and agrees with BullMQ on which instants are slots', () => {
    const everyThree: SlotRule = { kind: 'cron', pattern: '*/3 * * * * *', tz: TZ };
    const slot = latestSlot(everyThree, at('2026-12-05T02:00:04.500Z'));
    expect(slot?.toISOString()).toBe('2026-12-05T02:00:03.000Z');
    // BullMQ's scheduler fires the same instant: the next slot after a moment before it is it.
    expect(getNextMillis((slot?.getTime() ?? 0) - 1, { pattern: '*/3 * * * * *', tz: TZ })).toBe(slot?.getTime());
  });

  it('finds the slot of a sparse pattern within a short look-back window, and none when the window holds none', () => {
    const now = at('2026-12-05T02:00:00Z');
    expect(cronSlotAtOrBefore('0 7,17 * * *', TZ, now, new Date(now.getTime() - 3 * HOUR))?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(cronSlotAtOrBefore('0 7,17 * * *', TZ, now, new Date(now.getTime() - HOUR))).toBeNull();
    expect(cronSlotAtOrBefore('0 7,17 * * *', TZ, now, now)).toBeNull();
  });
});

describe('the slots of an event period (every interval from its start)', () => {
  const period = { every: 30 * 60_000, anchor: at('2026-12-01T01:00:00Z'), until: at('2026-12-01T04:10:00Z') };

  it('starts on the whole second of the period start', () => {
    expect(intervalAnchor(at('2026-12-01T01:00:00.400Z')).toISOString()).toBe('2026-12-01T01:00:01.000Z');
    expect(intervalAnchor(at('2026-12-01T01:00:00.000Z')).toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('has its last slot at or before an instant, none before the start, and none past the end', () => {
    expect(intervalSlotAtOrBefore(period, at('2026-12-01T00:59:59Z'))).toBeNull();
    expect(intervalSlotAtOrBefore(period, at('2026-12-01T01:00:00Z'))?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(intervalSlotAtOrBefore(period, at('2026-12-01T02:29:59Z'))?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(intervalSlotAtOrBefore(period, at('2026-12-01T09:00:00Z'))?.toISOString()).toBe('2026-12-01T04:00:00.000Z');
  });

  it('has its next slot at or after an instant, and none once the end is passed', () => {
    expect(intervalSlotAtOrAfter(period, at('2026-11-30T12:00:00Z'))?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(intervalSlotAtOrAfter(period, at('2026-12-01T02:00:00Z'))?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(intervalSlotAtOrAfter(period, at('2026-12-01T02:00:00.001Z'))?.toISOString()).toBe('2026-12-01T02:30:00.000Z');
    expect(intervalSlotAtOrAfter(period, at('2026-12-01T04:00:01Z'))).toBeNull();
  });

  it('tells a slot on the grid from one off it', () => {
    expect(isIntervalSlot(period, at('2026-12-01T03:30:00Z').getTime())).toBe(true);
    expect(isIntervalSlot(period, at('2026-12-01T03:31:00Z').getTime())).toBe(false);
    expect(isIntervalSlot(period, at('2026-12-01T00:30:00Z').getTime())).toBe(false);
  });
});

describe('the slots a worker catches up', () => {
  const periods = [{ id: 'p1', startsAt: at('2026-12-04T20:00:00.250Z'), endsAt: at('2026-12-08T00:00:00Z'), reportIntervalMinutes: 120 }];

  it('is the latest slot of each schedule only, oldest first — a missed 07:00 after a week down, not every slot of the week', () => {
    const now = at('2026-12-05T02:30:00Z');
    const due = latestDueSlots(reportSlotRules('0 7,17 * * *', periods, now), now);
    expect(due).toEqual([
      { scheduleId: DAILY_SCHEDULE_ID, slotAt: at('2026-12-05T00:00:00Z') },
      { scheduleId: `${EVENT_SCHEDULE_PREFIX}p1`, slotAt: at('2026-12-05T02:00:01Z') },
    ]);
  });

  it('names a slot two schedules share once', () => {
    const aligned = [{ id: 'p2', startsAt: at('2026-12-04T00:00:00Z'), endsAt: at('2026-12-08T00:00:00Z'), reportIntervalMinutes: 60 }];
    const now = at('2026-12-05T00:10:00Z');
    expect(latestDueSlots(reportSlotRules('0 7,17 * * *', aligned, now), now)).toEqual([{ scheduleId: DAILY_SCHEDULE_ID, slotAt: at('2026-12-05T00:00:00Z') }]);
  });

  it('has nothing to catch up when no slot fell within the look-back', () => {
    const now = at('2026-12-05T02:30:00Z');
    expect(latestDueSlots(reportSlotRules('0 0 1 1 *', [], now), now)).toEqual([]);
    expect(latestDueSlots(reportSlotRules('0 7,17 * * *', [], now), now, 60_000)).toEqual([]);
  });
});

describe('the BullMQ schedulers of the reports', () => {
  const period = { id: 'p1', startsAt: at('2026-12-04T20:00:00.250Z'), endsAt: at('2026-12-05T05:00:00Z'), reportIntervalMinutes: 120 };

  it('starts an event schedule on the first slot of its grid still ahead, so a scheduler made again keeps the same slots', () => {
    const [daily, event] = reportSchedules('0 7,17 * * *', [period], at('2026-12-05T02:30:00Z'));
    expect(daily).toEqual(expect.objectContaining({ id: DAILY_SCHEDULE_ID, repeat: { pattern: '0 7,17 * * *', tz: TZ } }));
    expect(event).toEqual(
      expect.objectContaining({
        id: `${EVENT_SCHEDULE_PREFIX}p1`,
        repeat: { every: 120 * 60_000, startDate: at('2026-12-05T04:00:01Z'), endDate: period.endsAt },
        job: { scheduleId: `${EVENT_SCHEDULE_PREFIX}p1` },
      }),
    );
  });

  it('does not start a new scheduler on a slot only moments ahead (BullMQ would fire it off the grid)', () => {
    const longer = { ...period, endsAt: at('2026-12-06T00:00:00Z') };
    const [, event] = reportSchedules('0 7,17 * * *', [longer], at('2026-12-05T03:59:58Z'));
    expect(event?.repeat).toEqual(expect.objectContaining({ startDate: at('2026-12-05T06:00:01Z') }));
  });

  it('has no event scheduler once its period is over or has no slot left before its end', () => {
    expect(reportSchedules('0 7,17 * * *', [period], at('2026-12-05T05:00:00Z')).map((schedule) => schedule.id)).toEqual([DAILY_SCHEDULE_ID]);
    expect(reportSchedules('0 7,17 * * *', [period], at('2026-12-05T04:30:00Z')).map((schedule) => schedule.id)).toEqual([DAILY_SCHEDULE_ID]);
  });
});
