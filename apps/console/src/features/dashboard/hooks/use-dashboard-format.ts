import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/date-time';
import { formatMeanDuration } from '../lib/durations';
import { formatCount, formatPercent } from '../lib/numbers';

export interface DashboardFormat {
  count: (value: number | null | undefined) => string;
  percent: (value: number | null | undefined) => string;
  /** A mean time in words; "chưa có" when nothing was measured. */
  duration: (seconds: number | null) => string;
  /** In the province's time (Asia/Ho_Chi_Minh). */
  dateTime: (iso: string | null | undefined, format?: string) => string;
}

export function useDashboardFormat(): DashboardFormat {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      count: formatCount,
      percent: formatPercent,
      duration: (seconds) => (seconds === null ? t('dashboard.charts.notMeasured') : formatMeanDuration(t, seconds)),
      dateTime: (iso, format) => formatDateTime(iso, format),
    }),
    [t],
  );
}
