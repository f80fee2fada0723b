import { useContext, useMemo } from 'react';
import { LanguageContext } from './LanguageProvider';
import type { Language } from './language';
import { translate, type MessageVars } from './translate';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

/** A label given in both languages, as the contracts catalogues (RIGHTS, ERRORS, PARAMETERS) give them. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface Translator {
  (key: MessageKey, vars?: MessageVars): string;
  language: Language;
  /** The user's language out of a bilingual label. */
  pick: (label: Bilingual) => string;
}

/** The message lookup for the user's language: `t('menu.users')`, `t.pick(RIGHTS[right])`. */
export function useT(): Translator {
  const { language } = useContext(LanguageContext);
  return useMemo(() => {
    const messages = language === 'en' ? en : zhCN;
    const t = (key: MessageKey, vars?: MessageVars) => translate(messages, key, vars);
    return Object.assign(t, {
      language,
      pick: (label: Bilingual) => (language === 'en' ? label.en : label.zh),
    });
  }, [language]);
}
