import type { CommuneRefDto } from '@netduty/contracts';
import { useTranslation } from 'react-i18next';
import { useDashboardFormat } from '../hooks/use-dashboard-format';
import type { SafetySummary } from '../lib/safety-summary';
import { Panel, PanelNote } from './panel';

function communeName(commune: CommuneRefDto): string {
  return commune.formerDistrict ? `${commune.name} (${commune.formerDistrict})` : commune.name;
}

function CommuneChips({ communes, tone }: { communes: readonly CommuneRefDto[]; tone: 'alarm' | 'warn' }) {
  return (
    <ul className="dash-chips">
      {communes.map((commune) => (
        <li key={commune.code} className={`dash-chip dash-chip--${tone}`} data-commune={commune.code}>
          {communeName(commune)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Where mobile coverage is lost: communes with no operator's signal, and per operator the communes
 * where every one of its BTS is down. People affected cannot be counted (no population is loaded), and
 * the panel says so rather than showing a number.
 */
export function CoveragePanel({ summary }: { summary: SafetySummary }) {
  const { t } = useTranslation();
  const format = useDashboardFormat();
  const { coverage } = summary;
  return (
    <Panel title={t('dashboard.coverage.title')} testId="panel-coverage" className="dash-panel--coverage">
      <div className="dash-coverage">
        <div className="dash-coverage__figure" data-testid="coverage-affected">
          {t('dashboard.coverage.communesAffected', { count: format.count(coverage.communesAffected) })}
        </div>
        <h3 className="dash-subtitle">{t('dashboard.coverage.withoutService')}</h3>
        {coverage.withoutAnyService.length === 0 ? <PanelNote>{t('dashboard.coverage.noneWithoutService')}</PanelNote> : <CommuneChips communes={coverage.withoutAnyService} tone="alarm" />}
        <h3 className="dash-subtitle">{t('dashboard.coverage.byOperator')}</h3>
        {coverage.operatorLosses.length === 0 ? (
          <PanelNote>{t('dashboard.coverage.noOperatorLoss')}</PanelNote>
        ) : (
          coverage.operatorLosses.map((loss) => (
            <div key={loss.operatorCode} className="dash-coverage__operator" data-operator={loss.operatorCode}>
              <span className="dash-coverage__operator-name">{t('dashboard.coverage.operatorCommunes', { operator: loss.operatorName, count: format.count(loss.communes.length) })}</span>
              <CommuneChips communes={loss.communes} tone="warn" />
            </div>
          ))
        )}
        <p className="dash-coverage__population" data-testid="population-note">
          {t('dashboard.coverage.populationNotLoaded')}
        </p>
      </div>
    </Panel>
  );
}
