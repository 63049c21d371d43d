import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { reportsVi } from '../i18n/reports.vi';

type StringPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : StringPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ReportsStringKey = StringPaths<typeof reportsVi>;

/** The area's own strings, checked against reports.vi.ts (registered by the area's chunk, not the first load's resources). */
export function useReportsStrings(): (key: ReportsStringKey, values?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return useCallback((key: ReportsStringKey, values?: Record<string, string | number>) => (t as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values), [t]);
}
