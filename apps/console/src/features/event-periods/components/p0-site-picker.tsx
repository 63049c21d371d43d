import { PlusOutlined } from '@ant-design/icons';
import type { SiteSummaryDto } from '@netduty/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SITE_LIST_LIMIT } from '../../admin/api/duty-admin.api';
import { useSiteList } from '../../admin/hooks/use-duty-admin';
import { addSitesWithinRadius } from '../lib/p0-sites';

export interface P0SitePickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
}

function siteLabel(site: SiteSummaryDto): string {
  return `${site.code} · ${site.name}`;
}

/**
 * The period's P0 sites: picked one by one from the site list (searched like the board), or all the listed
 * sites within R metres of a site or a point (sitesWithinRadius over the search results on screen).
 */
export function P0SitePicker({ value = [], onChange }: P0SitePickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [term, setTerm] = useState('');
  const sites = useSiteList(term);
  const queryClient = useQueryClient();
  // Sites seen in any site list this session (the api has no look-up by id): their code and name label the chosen ones.
  const [known, setKnown] = useState<ReadonlyMap<string, SiteSummaryDto>>(
    () => new Map(queryClient.getQueriesData<SiteSummaryDto[]>({ queryKey: ['admin', 'sites'] }).flatMap(([, list]) => (list ?? []).map((site) => [site.id, site] as const))),
  );
  const [centreSiteId, setCentreSiteId] = useState<string | null>(null);
  const [latitude, setLatitude] = useState<number | null>(null);
  const [longitude, setLongitude] = useState<number | null>(null);
  const [radius, setRadius] = useState<number>(500);
  const results = sites.data ?? [];

  useEffect(() => {
    if (!sites.data || sites.data.length === 0) return;
    setKnown((previous) => {
      const next = new Map(previous);
      for (const site of sites.data) next.set(site.id, site);
      return next;
    });
  }, [sites.data]);

  const chosen = new Set(value);
  const centreSite = centreSiteId ? known.get(centreSiteId) : undefined;
  const centre = centreSite ?? (latitude !== null && longitude !== null ? { latitude, longitude } : null);

  const addWithinRadius = () => {
    if (!centre) {
      void message.warning(t('dutyAdmin.events.noCentre'));
      return;
    }
    const { ids, added } = addSitesWithinRadius(value, results, centre, radius);
    onChange?.(ids);
    void message.success(t('dutyAdmin.events.addedWithinRadius', { count: added.length }));
  };

  return (
    <div className="p0-picker" data-testid="p0-site-picker">
      <div className="p0-picker__chosen" data-testid="p0-site-chosen">
        {value.map((id) => {
          const site = known.get(id);
          return (
            <Tag key={id} closable onClose={() => onChange?.(value.filter((other) => other !== id))} data-testid="p0-site-tag" data-site-id={id}>
              {site ? siteLabel(site) : t('dutyAdmin.events.unknownSite', { id: id.slice(0, 8) })}
            </Tag>
          );
        })}
      </div>
      <Input.Search
        allowClear
        placeholder={t('dutyAdmin.events.searchSites')}
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        loading={sites.isFetching}
        data-testid="p0-site-search"
      />
      <ul className="p0-picker__results" data-testid="p0-site-results">
        {results.map((site) => (
          <li key={site.id} className="p0-picker__result">
            <span className="p0-picker__site">
              <strong>{site.code}</strong> {site.name} <span className="muted">· {site.commune.name}</span>
            </span>
            <Button size="small" icon={<PlusOutlined />} disabled={chosen.has(site.id)} onClick={() => onChange?.([...value, site.id])} data-testid="p0-site-add">
              {t('dutyAdmin.events.addSite')}
            </Button>
          </li>
        ))}
      </ul>
      <fieldset className="p0-picker__radius">
        <legend>{t('dutyAdmin.events.radiusTitle')}</legend>
        <div className="muted">{t('dutyAdmin.events.radiusHint', { max: SITE_LIST_LIMIT })}</div>
        <Space wrap size={[8, 8]}>
          <Select<string>
            allowClear
            className="p0-picker__centre"
            placeholder={t('dutyAdmin.events.centreSite')}
            value={centreSiteId ?? undefined}
            onChange={(id) => setCentreSiteId(id ?? null)}
            options={results.map((site) => ({ value: site.id, label: siteLabel(site) }))}
            data-testid="p0-radius-centre"
          />
          <InputNumber<number> placeholder={t('dutyAdmin.events.latitude')} min={-90} max={90} step={0.001} value={latitude} onChange={setLatitude} disabled={centreSite !== undefined} />
          <InputNumber<number> placeholder={t('dutyAdmin.events.longitude')} min={-180} max={180} step={0.001} value={longitude} onChange={setLongitude} disabled={centreSite !== undefined} />
          <InputNumber<number>
            addonAfter="m"
            aria-label={t('dutyAdmin.events.radius')}
            min={0}
            max={100_000}
            step={100}
            value={radius}
            onChange={(metres) => setRadius(metres ?? 0)}
            data-testid="p0-radius-metres"
          />
          <Button onClick={addWithinRadius} data-testid="p0-radius-add">
            {t('dutyAdmin.events.addWithinRadius')}
          </Button>
        </Space>
      </fieldset>
    </div>
  );
}
