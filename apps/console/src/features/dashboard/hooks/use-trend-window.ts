import { useMemo } from 'react';
import { useNowDerived } from '../../../lib/use-now';
import { periodShape, trendWindow, type DashboardPeriod, type TrendWindow } from '../lib/dashboard-filters';

/** The period's window; it moves on when a new hour (day) begins, not on every tick. */
export function useTrendWindow(period: DashboardPeriod): TrendWindow {
  const from = useNowDerived((nowMs) => trendWindow(period, nowMs).from);
  return useMemo(() => ({ ...periodShape(period), from }), [period, from]);
}
