import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zh, type MessageKey } from './messages';

export type Locale = 'zh' | 'en';

interface LocaleState {
  locale: Locale;
  toggle: () => void;
  /** The message in the current language, `{name}` replaced by `values.name`. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A label of labels.ts in the current language; the key itself when unknown. */
  label: (labels: Record<string, { zh: string; en: string }>, key: string | null | undefined) => string;
}

const KEY = 'psm.locale';
const LocaleContext = createContext<LocaleState | undefined>(undefined);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  const toggle = useCallback(() => {
    setLocale((old) => {
      const next = old === 'zh' ? 'en' : 'zh';
      localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  const value = useMemo<LocaleState>(() => {
    const messages = locale === 'zh' ? zh : en;
    return {
      locale,
      toggle,
      t: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
      label: (labels, key) => (key ? (labels[key]?.[locale] ?? key) : ''),
    };
  }, [locale, toggle]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
