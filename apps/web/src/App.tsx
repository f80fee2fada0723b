import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { QueryErrorNotifier } from './api/QueryErrorNotifier';
import { queryClient } from './api/query-client';
import { ME_KEY } from './auth/me-query';
import { LanguageProvider } from './i18n/LanguageProvider';
import { useLanguage } from './i18n/use-language';
import { AppRoutes } from './routes/AppRoutes';

// A session that ended while the app was open: forget the user, and <RequireSignIn> shows the sign-in page.
setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));

function LocalizedApp() {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUSLocale : zhCNLocale} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryErrorNotifier />
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

/** The web app: language, antd theme and locale, server cache, and the pages. */
export function App() {
  return (
    <LanguageProvider>
      <QueryClientProvider client={queryClient}>
        <LocalizedApp />
      </QueryClientProvider>
    </LanguageProvider>
  );
}
