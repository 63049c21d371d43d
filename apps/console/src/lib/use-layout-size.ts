import useBreakpoint from 'antd/es/grid/hooks/useBreakpoint';

/**
 * antd's breakpoints (Grid.useBreakpoint, imported alone: antd's Grid brings Row and Col with it).
 * `navLabels`: from `xl` (1200 px) the areas' links carry their names, below it their icons only (a
 * 1024 px laptop keeps every tool in the header); `compactHeader`: below `lg` (992 px) the header's
 * tools move into a menu; `phone`: below `md` (768 px) panels take the whole width. Until the
 * breakpoints are known (the first render, before the layout effect) the wide layout applies, so a
 * wall screen never flashes a phone layout.
 */
export function useLayoutSize(): { navLabels: boolean; compactHeader: boolean; phone: boolean } {
  const screens = useBreakpoint();
  return { navLabels: screens.xl !== false, compactHeader: screens.lg === false, phone: screens.md === false };
}
