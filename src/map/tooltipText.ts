/**
 * The text of the map's hover tooltip (rendered with textContent by MapView): the thing's name
 * and its beds or students in the map year.
 */
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';
import { formatAcademicYear, formatInt } from '../i18n/format.ts';
import type { MapSite } from '../viewmodel/mapFeatures.ts';

type Props = Record<string, unknown>;

const STATUS_KEY: Record<string, StringKey> = {
  candidate: 'statusCandidate',
  converting: 'statusConverting',
  open: 'statusOpen',
  reverted: 'statusReverted',
  planned: 'phasePlanned',
  closed: 'phaseClosed',
};

export function siteName(s: Pick<MapSite, 'nameEn' | 'nameZh'>, lang: Lang): string {
  return lang === 'zh-HK' && s.nameZh.trim() ? s.nameZh : s.nameEn;
}

export function statusText(lang: Lang, layer: string, status: string): string {
  if (layer !== 'conversions' && status === 'open') return translate(lang, 'phaseOpen');
  const key = STATUS_KEY[status];
  return key ? translate(lang, key) : status;
}

/** Lines for a site feature (properties from siteFeatures/polygonFeatures). */
export function siteTooltip(lang: Lang, site: MapSite | undefined, p: Props, year: number): string[] {
  if (!site) return [];
  const t = (k: StringKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const y = formatAcademicYear(year, lang);
  const status = statusText(lang, String(p.layer), String(p.status));
  const beds = Number(p.beds) || 0;
  const lines = [siteName(site, lang)];
  if (p.layer === 'conversions' && p.status === 'candidate') {
    lines.push(`${status} · ${t('potentialBeds', { n: formatInt(lang, site.capacity) })}`);
  } else if (beds > 0) {
    lines.push(`${t('bedsInYear', { n: formatInt(lang, beds), year: y })} · ${status}`);
  } else {
    const full = site.beds > 0 ? site.beds : site.capacity;
    lines.push(`${status} (${y}) · ${formatInt(lang, full)} ${t('beds')}`);
  }
  if (site.illustrative) lines.push(t('illustrativeOutline'));
  if (site.approximate) lines.push(t('locationApprox'));
  if (!site.included) lines.push(`${t('included')}: ✗`);
  return lines;
}

export function campusTooltip(lang: Lang, p: Props, year: number): string[] {
  const name = lang === 'zh-HK' ? String(p.nameZh || p.nameEn) : String(p.nameEn);
  const label = String(p.label ?? '');
  const lines = [name];
  if (label && label !== name && label !== p.nameEn) lines.push(label);
  lines.push(translate(lang, 'nonLocalStudents', { n: formatInt(lang, Number(p.nonLocal) || 0), year: formatAcademicYear(year, lang) }));
  return lines;
}

export function districtTooltip(lang: Lang, p: Props, year: number): string[] {
  const name = lang === 'zh-HK' ? String(p.nameZh || p.nameEn) : String(p.nameEn);
  const gap = Number(p.gap) || 0;
  const gapText = gap >= 0
    ? translate(lang, 'gapShort', { n: formatInt(lang, gap) })
    : translate(lang, 'gapSurplus', { n: formatInt(lang, -gap) });
  return [name, `${translate(lang, 'layerDistrictGap')}, ${formatAcademicYear(year, lang)}: ${gapText}`];
}
