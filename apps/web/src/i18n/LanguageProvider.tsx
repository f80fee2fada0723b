import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';
import { applyLanguage, storeLanguage, storedLanguage, type Language } from './language';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'zh-CN', setLanguage: () => {} });

const initialLanguage = storedLanguage();
applyLanguage(initialLanguage);

/** Holds the user's language (Chinese first, English second) for the whole app. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    applyLanguage(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}
