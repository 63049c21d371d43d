import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { SessionCacheGuard } from '../features/auth/components/session-cache-guard';
import { antdLocaleOf } from '../i18n/antd-locale';
import { currentLanguage, i18n } from '../i18n/i18n';
import { isApiError } from '../lib/api-client';
import { dayjs } from '../lib/date-time';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // 4xx will not get better by retrying (a 401 was already refreshed once); network blips and 5xx might.
        retry: (failureCount, error) => failureCount < 3 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/**
 * Dense and high-contrast (compact spacing, 14 px text): the board is read at 3 a.m. on a wall screen
 * as much as on a laptop. Notifications go bottom-right so they never cover the header or a drawer.
 */
const THEME = {
  algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm],
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, system-ui, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { headerBg: '#0b1a2e', headerHeight: 52, headerPadding: '0 16px', bodyBg: '#eef1f5' },
    Tag: { fontSizeSM: 13 },
    Table: { headerBg: '#e3e8ef', rowHoverBg: '#e6f0ff' },
  },
};

function LocalisedConfig({ children }: { children: ReactNode }) {
  const { i18n: active } = useTranslation();
  const language = currentLanguage(active.language);
  useEffect(() => {
    dayjs.locale(language);
  }, [language]);
  return (
    <ConfigProvider locale={antdLocaleOf(language)} theme={THEME}>
      {/* Bottom left: drawers (cover a shift, assign, resolve) open on the right with their Save at the
          bottom, and an escalation notice there covered it for its 15 s — in a storm, one after another. */}
      <AntApp notification={{ placement: 'bottomLeft', maxCount: 4 }} className="ant-app-root">
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <SessionCacheGuard>
          <LocalisedConfig>{children}</LocalisedConfig>
        </SessionCacheGuard>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
