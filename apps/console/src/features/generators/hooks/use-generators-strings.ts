import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { generatorsVi } from '../i18n/generators.vi';

type StringPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : StringPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type GeneratorsStringKey = StringPaths<typeof generatorsVi>;

/** The area's own strings, checked against generators.vi.ts (registered by the area's chunk, not the first load's resources). */
export function useGeneratorsStrings(): (key: GeneratorsStringKey, values?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return useCallback((key: GeneratorsStringKey, values?: Record<string, string | number>) => (t as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values), [t]);
}
