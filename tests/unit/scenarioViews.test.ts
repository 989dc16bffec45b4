/**
 * View data for the scenario tools: the compare table and chart, the report's assumptions and
 * drawn sites, GIS import messages in both languages, and display names of scenarios.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../workers/model/simulate.ts';
import { PARAMS } from '../../workers/model/params/registry.ts';
import { setParam } from '../../src/store/updaters.ts';
import { closingYear, compareChart, compareRows, type CompareInput } from '../../src/viewmodel/compare.ts';
import { assumptionRows, drawnSiteRows } from '../../src/viewmodel/report.ts';
import { fatalText, issueParts, issueText, previewSummary, ISSUE_KEYS, FATAL_KEYS } from '../../src/viewmodel/gisIssues.ts';
import { translateParts } from '../../src/viewmodel/textParts.ts';
import { scenarioDisplayName } from '../../src/viewmodel/scenarioNames.ts';
import { STRINGS } from '../../src/i18n/strings.ts';
import { parseGisText } from '../../src/io/gisImport.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { data, drawnSite, scenarioWith } from './_helpers.ts';

const a = scenarioWith((s) => { s.name = 'A'; });
const b = { ...setParam(setParam(a, 'quotaCapPct', 50), 'horizonYear', 2045), name: 'B' };
const inputs: CompareInput[] = [a, b].map((s) => ({ id: s.name, name: s.name, scenario: s, results: simulate(s, data, s.seed, { draws: 0, sites: false }) }));

describe('compare', () => {
  it('chart: union of years, null where a scenario does not report', () => {
    const c = compareChart(inputs);
    expect(c.years[0]).toBe(2025);
    expect(c.years[c.years.length - 1]).toBe(2045);
    expect(c.beds[0].slice(-1)).toEqual([null]);
    expect(c.beds[1].every((v) => v !== null)).toBe(true);
    expect(c.need[0][0]).toBe(inputs[0].results.sector.demand.market[0]);
  });

  it('table: headline figures, edits, and every parameter in registry order; differing rows marked', () => {
    const rows = compareRows(inputs, 'en', 2030);
    const params = rows.filter((r) => r.section === 'param');
    expect(params.map((r) => r.key)).toEqual(PARAMS.map((p) => `params.${p.key}`));
    expect(params.filter((r) => r.differs).map((r) => r.key)).toEqual(['params.horizonYear', 'params.quotaCapPct']);
    const quota = params.find((r) => r.key === 'params.quotaCapPct')!;
    expect(quota.label).toBe('Non-local quota cap (% of local places)');
    expect(quota.values).toEqual(['40', '50']);
    expect(params.find((r) => r.key === 'params.horizonYear')!.values).toEqual(['2040/41', '2045/46']);
    expect(params.find((r) => r.key === 'params.hitcFacilitation')!.values).toEqual(['On', 'On']);
    const gap = rows.find((r) => r.key === 'gapMarket')!;
    const i = inputs[0].results.years.indexOf(2030);
    expect(gap.values[0]).toBe(Math.round(inputs[0].results.sector.gap.market[i]).toLocaleString('en-HK'));
    expect(rows.find((r) => r.key === 'drawnSites')).toMatchObject({ values: ['0', '0'], differs: false });
  });

  it('table labels are in Chinese in zh-HK', () => {
    const rows = compareRows(inputs, 'zh-HK', 2030);
    expect(rows.find((r) => r.key === 'params.quotaCapPct')!.label).toBe('非本地生限額（本地學額%）');
    expect(rows.find((r) => r.key === 'params.hitcFacilitation')!.values).toEqual(['開', '開']);
    expect(rows.find((r) => r.key === 'gapMarket')!.label).toBe('2030/31宿位短缺：市場需求（入住意願）');
  });

  it('closingYear: first year from which the gap stays closed', () => {
    expect(closingYear([1, 2, 3, 4], [5, -1, 2, -3])).toBe(4);
    expect(closingYear([1, 2, 3], [5, -1, -2])).toBe(2);
    expect(closingYear([1, 2], [5, 1])).toBeNull();
  });
});

describe('report', () => {
  it('lists every parameter with value, default, unit, source and whether changed', () => {
    const rows = assumptionRows(setParam(defaultScenario(), 'bedsPerRoom', 1.8), 'en');
    expect(rows).toHaveLength(PARAMS.length);
    const bpr = rows.find((r) => r.key === 'bedsPerRoom')!;
    expect(bpr).toMatchObject({ value: '1.8', defaultValue: '2', changed: true, unit: 'beds per room', estimated: true, group: 'Conversions' });
    expect(rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['bedsPerRoom']);
    expect(rows.every((r) => r.url === null || r.url.startsWith('https://'))).toBe(true);
    expect(assumptionRows(defaultScenario(), 'zh-HK').find((r) => r.key === 'bedsPerRoom')!.unit).toBe('每房床位');
  });

  it('drawn sites with area, beds and opening year', () => {
    const s = scenarioWith((x) => { x.drawnSites = [drawnSite()]; });
    const [r] = drawnSiteRows(s, 'en');
    expect(r.name).toBe('Test site');
    expect(r.openYear).toBe('2031/32');
    expect(Number(r.beds.replace(/,/g, ''))).toBeGreaterThan(0);
  });
});

describe('GIS messages', () => {
  const p = parseGisText('name,lon,lat,area_m2,open_year\nX,114.17,22.32,,\nY,22.3,114.1,100,\nZ,114.18,22.33,100,2024\n', 'a.csv', { scenario: defaultScenario(), data });

  it('every code has a string in both languages', () => {
    for (const k of [...Object.values(ISSUE_KEYS), ...Object.values(FATAL_KEYS)]) {
      expect(STRINGS.en[k], k).toBeTruthy();
      expect(STRINGS['zh-HK'][k], k).toBeTruthy();
    }
  });

  it('row problems read as sentences, with years as academic years', () => {
    const text = p.errors.map((e) => issueText('en', e));
    expect(text).toEqual([
      'A point needs its site area in area_m2 (m²).',
      'Latitude and longitude look swapped (22.3, 114.1).',
      'Opening in 2024/25 is too early: a site tendered in 2024/25 opens in 2028/29 at the earliest.',
    ]);
    expect(issueText('zh-HK', p.errors[1])).toBe('經度與緯度似乎調轉了（22.3, 114.1）。');
    expect(previewSummary('en', p)).toBe('3 rows read (CSV, WGS84 longitude/latitude): 0 can be added, 3 have errors.');
    expect(fatalText('zh-HK', { code: 'tooMany', vars: { n: 600, max: 500 } })).toBe('檔案有600個圖徵；每次最多可匯入500個。');
  });
});

describe('text parts', () => {
  it('splits a sentence at its placeholders and marks data values', () => {
    expect(translateParts('en', 'smImported', { name: '<b>A</b>' }, ['name'])).toEqual([
      { text: 'Opened “' }, { text: '<b>A</b>', name: 'name', data: true }, { text: '” from the file.' },
    ]);
    expect(translateParts('zh-HK', 'gisAdd', { n: 3 })).toEqual([{ text: '加入' }, { text: '3', name: 'n', data: false }, { text: '個用地' }]);
    expect(translateParts('en', 'gisAdd', {}).map((p) => p.text).join('')).toBe('Add {n} sites');
  });

  it('GIS messages: values from the file are data, the words are not', () => {
    const p = parseGisText('name,lon,lat,area_m2,kind\nX,114.17,22.32,100,castle\n', 'a.csv', { scenario: defaultScenario(), data });
    const parts = issueParts('zh-HK', p.errors[0]);
    expect(parts.filter((x) => x.data).map((x) => x.text)).toEqual(['castle', 'landSale, drawn, newBuild, uniTown, fixed, hotel, guesthouse']);
    expect(parts.map((x) => x.text).join('')).toBe(issueText('zh-HK', p.errors[0]));
  });
});

describe('scenario names', () => {
  it('the built-in baseline name is shown in the language; user names as written', () => {
    expect(scenarioDisplayName('Policy baseline', 'zh-HK')).toBe('政策基線');
    expect(scenarioDisplayName('Policy baseline (2)', 'zh-HK')).toBe('政策基線 (2)');
    expect(scenarioDisplayName('Policy baseline', 'en')).toBe('Policy baseline');
    expect(scenarioDisplayName('<b>Mine</b>', 'zh-HK')).toBe('<b>Mine</b>');
  });
});
