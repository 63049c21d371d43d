import type { SiteSummaryDto } from '@netduty/contracts';
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSiteSearch } from '../../reference/hooks/use-site-search';

interface SiteOption {
  value: string;
  label: string;
  site: SiteSummaryDto;
}

interface SiteSelectProps {
  id?: string;
  value?: string;
  onChange?: (siteId: string | undefined) => void;
  status?: '' | 'error' | 'warning';
}

/** "LSN0324-11 · Trạm BTS Đông Kinh 1 · Phường Đông Kinh · Viettel" */
export function siteOptionLabel(site: SiteSummaryDto): string {
  return [site.code, site.name, site.commune.name, site.operator.name].join(' · ');
}

/**
 * Site picker with server-side search (code, name, commune; diacritics optional). The options are
 * whatever the server returns, so local filtering is off; requests are debounced by useSiteSearch.
 */
export function SiteSelect({ id, value, onChange, status }: SiteSelectProps) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  // Remember the picked site so its label survives a new search that no longer returns it.
  const [picked, setPicked] = useState<SiteSummaryDto | undefined>(undefined);
  const search = useSiteSearch(term, open || term.length > 0);

  const options = useMemo<SiteOption[]>(() => {
    const sites = search.data ?? [];
    const withPicked = picked && !sites.some((site) => site.id === picked.id) ? [picked, ...sites] : sites;
    return withPicked.map((site) => ({ value: site.id, label: siteOptionLabel(site), site }));
  }, [search.data, picked]);

  const busy = search.isFetching || search.settling;

  return (
    <Select<string, SiteOption>
      id={id}
      value={value}
      status={status}
      allowClear
      placeholder={t('report.sitePlaceholder')}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      onOpenChange={setOpen}
      onChange={(siteId, option) => {
        const site = Array.isArray(option) ? undefined : option?.site;
        setPicked(site);
        onChange?.(siteId);
      }}
      notFoundContent={busy ? <Spin size="small" /> : t('report.siteNotFound')}
      optionRender={(option) => (
        <div className="site-option" data-testid="site-option">
          <span className="site-code">{option.data.site.code}</span>
          <span> · {option.data.site.name}</span>
          <span className="muted">
            {' '}
            · {option.data.site.commune.name} · {option.data.site.operator.name}
          </span>
        </div>
      )}
      popupMatchSelectWidth
      data-testid="report-site"
    />
  );
}
