import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { mapVi } from '../i18n/map.vi';

/** Every dotted path to a string of a strings tree: 'map.legend.title' | … */
type StringPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : StringPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MapStringKey = StringPaths<typeof mapVi>;

/**
 * The map's own strings, checked against map.vi.ts. They are registered by the map's chunk, so the
 * console's typed resources (the first load's) do not list them: this narrows `t` to them instead.
 */
export function useMapStrings(): (key: MapStringKey, values?: Record<string, string | number>) => string {
  const { t } = useTranslation();
  return useCallback((key: MapStringKey, values?: Record<string, string | number>) => (t as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values), [t]);
}
