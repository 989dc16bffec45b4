/**
 * What the printable report lists (pure; unit-tested): every assumption — each registry parameter
 * with the scenario's value, the default, whether it was changed, its unit, source and whether the
 * figure is published or estimated — and the user's drawn sites with their beds.
 */
import { PARAMS, GROUPS, type ParamSpec } from '../../workers/model/params/registry.ts';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import { formatAcademicYear, readyYear } from '../../workers/model/years.ts';
import { landSaleBeds } from '../../workers/model/supply/landSaleBeds.ts';
import { area as turfArea } from '@turf/turf';
import { translate, type Lang } from '../i18n/strings.ts';
import { formatInt } from '../i18n/format.ts';
import { safeHttpsUrl, unitText } from './paramControls.ts';

export interface AssumptionRow {
  key: string;
  group: string;
  label: string;
  value: string;
  defaultValue: string;
  changed: boolean;
  unit: string;
  source: string;
  /** Only https links (anything else is not offered). */
  url: string | null;
  estimated: boolean;
}

function valueText(p: ParamSpec, v: number | boolean, lang: Lang): string {
  if (p.type === 'boolean') return translate(lang, v ? 'valueOn' : 'valueOff');
  if (p.type === 'year') return formatAcademicYear(v as number);
  return (v as number).toLocaleString(lang === 'zh-HK' ? 'zh-HK' : 'en-HK', { maximumFractionDigits: 4 });
}

/** One row per registry parameter, grouped in the order of the scenario panel. */
export function assumptionRows(s: Scenario, lang: Lang): AssumptionRow[] {
  const groupOrder = GROUPS.map((g) => g.key);
  const groupName = new Map(GROUPS.map((g) => [g.key, g.label[lang]]));
  return [...(PARAMS as readonly ParamSpec[])]
    .sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group))
    .map((p) => {
      const v = s.params[p.key as keyof Scenario['params']];
      return {
        key: p.key,
        group: groupName.get(p.group) ?? p.group,
        label: p.label[lang],
        value: valueText(p, v, lang),
        defaultValue: valueText(p, p.default, lang),
        changed: v !== p.default,
        unit: p.type === 'boolean' ? '' : unitText(lang, p.unit),
        source: p.source,
        url: safeHttpsUrl(p.url),
        estimated: p.estimated,
      };
    });
}

export interface DrawnSiteRow {
  id: string;
  name: string;
  area: string;
  beds: string;
  openYear: string;
}

/** The user's drawn and imported sites: area (m²), beds by the land-sale rule and the opening year. */
export function drawnSiteRows(s: Scenario, lang: Lang): DrawnSiteRow[] {
  return s.drawnSites.map((d) => {
    const a = turfArea(d.polygon);
    return {
      id: d.id, name: d.name,
      area: formatInt(lang, a),
      beds: d.included ? formatInt(lang, landSaleBeds(a, d.plotRatio, d.hostelSharePct, d.gfaPerBedM2)) : '–',
      openYear: formatAcademicYear(readyYear(d.tenderYear, s.params.buildingCovenantMonths)),
    };
  });
}
