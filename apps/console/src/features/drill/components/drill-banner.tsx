import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrillMode } from '../hooks/use-drill-mode';
import '../drill.css';

/**
 * On every screen of a drill copy (login, shell, wall): a fixed strip across the top. The html element's
 * drill-mode class makes room for it, so it covers nothing.
 */
export function DrillBanner() {
  const { t } = useTranslation();
  const drill = useDrillMode();
  useEffect(() => {
    document.documentElement.classList.toggle('drill-mode', drill);
    return () => document.documentElement.classList.remove('drill-mode');
  }, [drill]);
  if (!drill) return null;
  return (
    <div className="drill-banner" role="status" data-testid="drill-banner">
      {t('drill.banner')}
    </div>
  );
}
