import type { Lang } from './strings.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';

export { formatAcademicYear };

const locale = (lang: Lang) => (lang === 'zh-HK' ? 'zh-HK' : 'en-HK');

/** Beds and other counts with the locale's grouping, rounded to whole numbers. */
export function formatInt(lang: Lang, v: number): string {
  return Math.round(v).toLocaleString(locale(lang));
}

/** A share 0–1 as a percentage. */
export function formatPct(lang: Lang, v: number, digits = 0): string {
  return (v * 100).toLocaleString(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }) + '%';
}

/** HK$ amounts: billions/millions in English, 億/萬 in Chinese. */
export function formatHkd(lang: Lang, v: number): string {
  const l = locale(lang);
  if (lang === 'zh-HK') return Math.abs(v) >= 1e8 ? `${(v / 1e8).toLocaleString(l, { maximumFractionDigits: 1 })}億港元` : `${(v / 1e4).toLocaleString(l, { maximumFractionDigits: 0 })}萬港元`;
  return Math.abs(v) >= 1e9 ? `HK$${(v / 1e9).toLocaleString(l, { maximumFractionDigits: 1 })} bn` : `HK$${(v / 1e6).toLocaleString(l, { maximumFractionDigits: 0 })} m`;
}
