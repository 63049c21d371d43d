import { Button } from 'antd';
import { useState } from 'react';
import { useMapStrings } from '../hooks/use-map-strings';
import { SITE_LOOK_COLOUR, SITE_LOOKS } from '../lib/site-look';

/**
 * What the colours and rings mean, over the map's corner. Open by default except on a phone, where it
 * is folded; `openByDefault` may change after the first render (the breakpoints become known), so the
 * default is followed until the user folds or opens it.
 */
export function MapLegend({ openByDefault }: { openByDefault: boolean }) {
  const t = useMapStrings();
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? openByDefault;
  return (
    <div className={`map-legend${open ? ' map-legend--open' : ''}`} data-testid="map-legend">
      <Button size="small" className="map-legend__toggle" onClick={() => setChosen(!open)} aria-expanded={open}>
        {open ? t('map.legend.hide') : t('map.legend.show')}
      </Button>
      {open && (
        <div className="map-legend__body">
          <strong className="map-legend__title">{t('map.legend.title')}</strong>
          <ul className="map-legend__list">
            {[...SITE_LOOKS].reverse().map((look) => (
              <li key={look}>
                <span className="map-legend__dot" style={{ background: SITE_LOOK_COLOUR[look] }} aria-hidden="true" />
                {t(`map.look.${look}`)}
              </li>
            ))}
            <li>
              <span className="map-legend__dot map-legend__dot--open" style={{ background: SITE_LOOK_COLOUR.degraded }} aria-hidden="true" />
              {t('map.legend.openIncidents')}
            </li>
            <li>
              <span className="map-legend__cluster" aria-hidden="true">
                <span className="map-cluster__total">24</span>
                <span className="map-cluster__down">3</span>
              </span>
              {t('map.legend.cluster')}
            </li>
            <li>
              <span className="map-legend__ring map-legend__ring--no-service" aria-hidden="true" />
              {t('map.legend.noService')}
            </li>
            <li>
              <span className="map-legend__ring map-legend__ring--lost-operator" aria-hidden="true" />
              {t('map.legend.lostOperator')}
            </li>
            <li>
              <span className="map-legend__commune" aria-hidden="true" />
              {t('map.legend.commune')}
            </li>
            <li>
              <span className="map-legend__line map-legend__line--province" aria-hidden="true" />
              {t('map.legend.province')}
            </li>
            <li>
              <span className="map-legend__line map-legend__line--district" aria-hidden="true" />
              {t('map.legend.district')}
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
