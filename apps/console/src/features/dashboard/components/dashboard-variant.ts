import { createContext, useContext } from 'react';
import { DARK_PALETTE, LIGHT_PALETTE, type ChartStyle } from '../lib/chart-options';

/** The same panels on two layouts: the laptop's (light, inside the shell) and the wall's (dark, big type). */
export type DashboardVariant = 'laptop' | 'wall';

export const DashboardVariantContext = createContext<DashboardVariant>('laptop');

export function useDashboardVariant(): DashboardVariant {
  return useContext(DashboardVariantContext);
}

const CHART_STYLES: Readonly<Record<DashboardVariant, ChartStyle>> = {
  laptop: { palette: LIGHT_PALETTE, fontSize: 12 },
  wall: { palette: DARK_PALETTE, fontSize: 15 },
};

export function useChartStyle(): ChartStyle {
  return CHART_STYLES[useDashboardVariant()];
}
