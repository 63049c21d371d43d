import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { INCIDENT_STATUSES, SEVERITIES } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Button } from 'antd';
// The plain Input only: `Input` from 'antd' carries TextArea, Password, Search and OTP with it.
import Input from 'antd/es/input/Input';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { BoardFilterSelect as BoardFilterSelectType } from './board-filter-select';
import { useTranslation } from 'react-i18next';
import { useLayoutSize } from '../../../lib/use-layout-size';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { EMPTY_BOARD_FILTERS, hasActiveFilters, type BoardFilters } from '../lib/board-filters';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';

// The four Selects (rc-select with its virtual list) load just after the first frame; until then each
// shows a same-sized placeholder with its label, so the bar does not move when they arrive.
const BoardFilterSelect = lazy(() =>
  import('./board-filter-select').then((module) => ({ default: module.BoardFilterSelect })),
) as unknown as typeof BoardFilterSelectType;

function SelectPlaceholder({ label, wide = false }: { label: string; wide?: boolean }) {
  return (
    <span className={`board-filter board-filter-placeholder${wide ? ' board-filter--wide' : ''}`} aria-hidden="true">
      {label}
    </span>
  );
}

interface BoardFiltersBarProps {
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
}

export function BoardFiltersBar({ filters, onChange }: BoardFiltersBarProps) {
  const { t } = useTranslation();
  const operators = useOperators();
  const singleOperator = useCurrentUser()?.role === 'cluster_staff';
  const communes = useCommunes();

  const severityOptions = useMemo(
    () => SEVERITIES.map((severity) => ({ value: severity, label: t(`severity.${severity}`) })),
    [t],
  );
  const statusOptions = useMemo(
    () => INCIDENT_STATUSES.filter((status) => status !== 'closed').map((status) => ({ value: status, label: t(`status.${status}`) })),
    [t],
  );
  const operatorOptions = useMemo(
    () => (operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name })),
    [operators.data],
  );
  const communeOptions = useMemo(() => (communes.data ?? []).map(communeOption), [communes.data]);
  // On a phone the four Selects fold behind one button (they would take four lines above the board).
  const { phone } = useLayoutSize();
  const [expanded, setExpanded] = useState(false);
  const setCount = filters.severity.length + filters.status.length + filters.operator.length + filters.commune.length;
  const showSelects = !phone || expanded;

  return (
    <div className="board-filters" data-testid="board-filters">
      <Input
        allowClear
        className="board-filter board-filter--search"
        prefix={<SearchOutlined />}
        placeholder={t('board.filters.search')}
        aria-label={t('board.filters.search')}
        value={filters.text}
        onChange={(event) => onChange({ ...filters, text: event.target.value })}
        data-testid="board-search"
      />
      {phone && (
        <Button aria-expanded={expanded} onClick={() => setExpanded(!expanded)} data-testid="board-filters-toggle">
          {setCount > 0 ? t('board.filters.moreCount', { count: setCount }) : t('board.filters.more')}
        </Button>
      )}
      {showSelects && (
        <>
          <Suspense fallback={<SelectPlaceholder label={t('board.filters.severity')} />}>
            <BoardFilterSelect
              className="board-filter"
              placeholder={t('board.filters.severity')}
              aria-label={t('board.filters.severity')}
              options={severityOptions}
              value={filters.severity}
              onChange={(severity) => onChange({ ...filters, severity })}
              data-testid="filter-severity"
            />
          </Suspense>
          <Suspense fallback={<SelectPlaceholder label={t('board.filters.status')} />}>
            <BoardFilterSelect
              className="board-filter"
              placeholder={t('board.filters.status')}
              aria-label={t('board.filters.status')}
              options={statusOptions}
              value={filters.status}
              onChange={(status) => onChange({ ...filters, status })}
              data-testid="filter-status"
            />
          </Suspense>
          {/* Cluster staff see one operator only: nothing to filter. */}
          {!singleOperator && (
            <Suspense fallback={<SelectPlaceholder label={t('board.filters.operator')} />}>
              <BoardFilterSelect
                className="board-filter"
                placeholder={t('board.filters.operator')}
                aria-label={t('board.filters.operator')}
                loading={operators.isLoading}
                options={operatorOptions}
                value={filters.operator}
                onChange={(operator) => onChange({ ...filters, operator })}
                data-testid="filter-operator"
              />
            </Suspense>
          )}
          <Suspense fallback={<SelectPlaceholder label={t('board.filters.commune')} wide />}>
            <BoardFilterSelect<string, CommuneOption>
              className="board-filter board-filter--wide"
              placeholder={t('board.filters.commune')}
              aria-label={t('board.filters.commune')}
              loading={communes.isLoading}
              options={communeOptions}
              showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
              value={filters.commune}
              onChange={(commune) => onChange({ ...filters, commune })}
              data-testid="filter-commune"
            />
          </Suspense>
        </>
      )}
      {hasActiveFilters(filters) && (
        <Button icon={<ClearOutlined />} onClick={() => onChange(EMPTY_BOARD_FILTERS)}>
          {t('board.filters.clear')}
        </Button>
      )}
    </div>
  );
}
