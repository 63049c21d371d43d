import type { OperatorCode, Severity } from '@netduty/contracts';
import { SEVERITIES } from '@netduty/contracts';
import { foldForSearch } from '@netduty/domain';
import { Button, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunes, useOperators } from '../../reference/hooks/use-reference-data';
import { communeOption, type CommuneOption } from '../../reference/lib/commune-option';
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_FILTERS, hasNarrowingFilters, type DashboardFilters, type DashboardPeriod } from '../lib/dashboard-filters';

interface DashboardFiltersBarProps {
  filters: DashboardFilters;
  onChange: (filters: DashboardFilters) => void;
}

/** Period (for the trends), operator, commune and severity; all in the URL. */
export function DashboardFiltersBar({ filters, onChange }: DashboardFiltersBarProps) {
  const { t } = useTranslation();
  const operators = useOperators();
  const communes = useCommunes();
  const change = (patch: Partial<DashboardFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="dash-filters" role="group" aria-label={t('dashboard.filters.label')} data-testid="dashboard-filters">
      <Segmented<DashboardPeriod>
        aria-label={t('dashboard.filters.period')}
        options={DASHBOARD_PERIODS.map((period) => ({ value: period, label: t(`dashboard.filters.periods.${period}`) }))}
        value={filters.period}
        onChange={(period) => change({ period })}
        data-testid="filter-period"
      />
      <Select<OperatorCode>
        allowClear
        className="dash-filter"
        placeholder={t('dashboard.filters.allOperators')}
        aria-label={t('dashboard.filters.operator')}
        options={(operators.data ?? []).map((operator) => ({ value: operator.code, label: operator.name }))}
        value={filters.operatorCode ?? undefined}
        onChange={(operatorCode) => change({ operatorCode: operatorCode ?? null })}
        data-testid="filter-operator"
      />
      <Select<string, CommuneOption>
        allowClear
        className="dash-filter dash-filter--wide"
        placeholder={t('dashboard.filters.allCommunes')}
        aria-label={t('dashboard.filters.commune')}
        options={(communes.data ?? []).map(communeOption)}
        showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(foldForSearch(input)) }}
        value={filters.communeCode ?? undefined}
        onChange={(communeCode) => change({ communeCode: communeCode ?? null })}
        data-testid="filter-commune"
      />
      <Select<Severity>
        allowClear
        className="dash-filter"
        placeholder={t('dashboard.filters.allSeverities')}
        aria-label={t('dashboard.filters.severity')}
        title={t('dashboard.filters.severityNote')}
        options={SEVERITIES.map((severity) => ({ value: severity, label: t(`severity.${severity}`) }))}
        value={filters.severity ?? undefined}
        onChange={(severity) => change({ severity: severity ?? null })}
        data-testid="filter-severity"
      />
      {hasNarrowingFilters(filters) && (
        <Button onClick={() => onChange({ ...DEFAULT_DASHBOARD_FILTERS, period: filters.period })} data-testid="filter-clear">
          {t('dashboard.filters.clear')}
        </Button>
      )}
    </div>
  );
}
