import { Select, type SelectProps } from 'antd';

/**
 * antd's multiple Select (rc-select, its virtual list and trigger) for the board's filter bar. The bar
 * loads it after the first frame (`board-filters-bar.tsx`), so it is not part of the first load.
 */
export function BoardFilterSelect<Value extends string, Option extends { value: string } = { value: Value; label: string }>(
  props: SelectProps<Value[], Option>,
) {
  return <Select<Value[], Option> mode="multiple" allowClear maxTagCount="responsive" {...props} />;
}
