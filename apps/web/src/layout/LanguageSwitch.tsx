import { Segmented } from 'antd';
import { useLanguage } from '../i18n/use-language';
import type { Language } from '../i18n/language';

const OPTIONS: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** 中文 / English: each name written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return <Segmented<Language> size="small" options={OPTIONS} value={language} onChange={setLanguage} />;
}
