import useBreakpoint from 'antd/es/grid/hooks/useBreakpoint';

/**
 * antd's breakpoints (Grid.useBreakpoint, imported alone: antd's Grid brings Row and Col with it).
 * `compactHeader`: below `lg` (992 px) the header's tools move into a menu; `phone`: below `md`
 * (768 px) panels take the whole width. Until the breakpoints are known (the first render, before
 * the layout effect) both are false, so a wall screen never flashes a phone layout.
 */
export function useLayoutSize(): { compactHeader: boolean; phone: boolean } {
  const screens = useBreakpoint();
  return { compactHeader: screens.lg === false, phone: screens.md === false };
}
