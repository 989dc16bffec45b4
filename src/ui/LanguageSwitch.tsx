import { appStore, useApp } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import type { Lang } from '../i18n/strings.ts';

export function LanguageSwitch() {
  const t = useT();
  const lang = useApp((s) => s.view.lang);
  return (
    <label className="lang-switch">
      <span>{t('language')}</span>
      <select value={lang} aria-label={t('language')} onChange={(e) => appStore.getState().setView({ lang: e.target.value as Lang })}>
        <option value="en">{t('langEnglish')}</option>
        <option value="zh-HK">{t('langChinese')}</option>
      </select>
    </label>
  );
}
