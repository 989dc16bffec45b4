import { useCallback } from 'react';
import { useApp } from '../store/appStore.ts';
import { translate, type StringKey } from './strings.ts';

/** The current language's text lookup: t('gapInYear', { year: '2030/31' }). */
export function useT() {
  const lang = useApp((s) => s.view.lang);
  return useCallback((key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}
