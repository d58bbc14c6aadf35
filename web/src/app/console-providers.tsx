import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import './console.css';
import { GraphQLRequestError } from '../graphql/execute';
import { LocaleProvider, useLocale } from '../i18n/locale-context';
import { prefersReducedMotion } from './reduced-motion';
import { SessionProvider } from './session-context';

/**
 * A refusal for load (TOO_MANY_REQUESTS: the user's other reports still running, or the service replaying the
 * log for others) is asked again, backing off up to 8 s; any other failure once more, as a network blip may be.
 */
const retry = (failures: number, error: Error) => failures < (error instanceof GraphQLRequestError && error.code === 'TOO_MANY_REQUESTS' ? 6 : 1);
const retryDelay = (failures: number) => Math.min(500 * 2 ** failures, 8_000);

const queries = new QueryClient({ defaultOptions: { queries: { retry, retryDelay, refetchOnWindowFocus: false, staleTime: 10_000 } } });

/** The self-hosted Noto Sans SC first, so Chinese renders the same on every machine. */
const FONT = "'Noto Sans SC', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Ant Design's blue darkened to a contrast of 5:1 on white, its hover (a default button's text under the pointer)
 * darker still rather than lighter, and secondary text dark enough to read (WCAG AA).
 */
const THEME = {
  fontFamily: FONT,
  colorPrimary: '#1668dc',
  colorPrimaryHover: '#0958d9',
  colorLink: '#1668dc',
  colorLinkHover: '#0958d9',
  colorInfo: '#1668dc',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
};

const REDUCED_MOTION = prefersReducedMotion();

function AntDesign({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      wave={{ disabled: REDUCED_MOTION }}
      theme={{ token: { ...THEME, motion: !REDUCED_MOTION } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <SessionProvider>
        <QueryClientProvider client={queries}>
          <AntDesign>{children}</AntDesign>
        </QueryClientProvider>
      </SessionProvider>
    </LocaleProvider>
  );
}
