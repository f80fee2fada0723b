import { useContext } from 'react';
import { LanguageContext } from './LanguageProvider';

/** The user's language and the switch to change it. */
export function useLanguage() {
  return useContext(LanguageContext);
}
