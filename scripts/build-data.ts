/**
 * Builds geodata/model-data.json — the real data the default scenario stands on — from
 * ../shared/data (sourced CSVs) and ../shared/geodata-sources (GeoJSON).
 *
 * Where a source gives no per-institution figure, a documented rule splits a sector total;
 * every such value is written with `estimated: true` and the rule as its `source`, so the app
 * can flag it and the user can override it. Run with `npm run data`; output is deterministic.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';
import { readCsv, readGeo, one, num, firstUrl, repoRoot, type Row, type Feature } from './lib/sharedData.ts';
import { validateModelData, type Sourced, type SiteRecord, type Institution, type District, type ModelData } from '../workers/model/data/schema.ts';
import { readyYear } from '../workers/model/years.ts';

const OUT = path.join(repoRoot, 'geodata', 'model-data.json');

// ---------- helpers ----------
const pub = (value: number, source: string): Sourced => ({ value, estimated: false, source });
const est = (value: number, rule: string): Sourced => ({ value: Math.round(value * 100) / 100, estimated: true, source: `Estimated: ${rule}` });
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'x';

const enrol = readCsv('nonlocal_enrolment.csv');
const instEnrol = readCsv('institution_enrolment.csv');
const stock = readCsv('hostel_stock.csv');
const instHostels = readCsv('institution_hostels.csv');
const projects = readCsv('hostel_projects.csv');
const pipeline = readCsv('hostel_pipeline.csv');
const conversions = readCsv('hotel_conversions.csv');
const hotelRooms = readCsv('hotel_rooms.csv');
const policy = readCsv('policy_parameters.csv');
const nmut = readCsv('nmut_sites.csv');
const youth = readCsv('youth_hostels.csv');
const shortfalls = readCsv('shortfall_estimates.csv');

const F_ENROL = 'nonlocal_enrolment.csv';
const ugcUg = (inst: string, year: number) =>
  one(enrol, F_ENROL, (r) => r.institution === inst && r.year_start === String(year) && r.level === 'UG' && r.metric === 'non-local headcount', `${inst} ${year} non-local UG headcount`);
const ugcShare = (inst: string, year: number) =>
  one(enrol, F_ENROL, (r) => r.institution === inst && r.year_start === String(year) && r.level === 'UG' && r.pct_of_local_places !== '' && r.metric !== 'Mainland headcount', `${inst} ${year} non-local UG share`);
const cite = (r: Row) => `${firstUrl(r)} (${r.source_date}; ${r.confidence})`;

// ---------- districts ----------
const districtFc = readGeo<{ code: string; name_en: string; name_zh: string }>('hk_districts_18.geojson');
const districts: District[] = districtFc.features.map((f) => {
  const simplified = turf.simplify(f as any, { tolerance: 0.0004, highQuality: true }) as any;
  const geom = simplified.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [simplified.geometry.coordinates] } : simplified.geometry;
  const coords = (geom.coordinates as number[][][][]).map((poly) => poly.map((ring) => ring.map(([x, y]) => [r5(x), r5(y)] as [number, number])));
  return { code: f.properties.code, nameEn: f.properties.name_en, nameZh: f.properties.name_zh, geometry: { type: 'MultiPolygon' as const, coordinates: coords } };
});
/** District code by point-in-polygon against the full-resolution 2001 boundaries; nearest district for points on later reclamation. */
function districtOf(lon: number, lat: number): string {
  const pt = turf.point([lon, lat]);
  for (const f of districtFc.features) if (turf.booleanPointInPolygon(pt, f as any)) return f.properties.code;
  let best = '';
  let bestD = Infinity;
  for (const f of districtFc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      const d = turf.pointToPolygonDistance(pt, turf.polygon(poly));
      if (d < bestD) { bestD = d; best = f.properties.code; }
    }
  }
  return best;
}

// ---------- places used to position approximate sites ----------
const stations = readGeo<{ code: string; name_en: string; name_zh: string }>('mtr_stations.geojson');
const station = (code: string) => {
  const f = stations.features.find((s) => s.properties.code === code);
  if (!f) throw new Error(`mtr_stations.geojson: no station ${code}`);
  return { lon: f.geometry.coordinates[0] as number, lat: f.geometry.coordinates[1] as number, name: f.properties.name_en };
};
const atStation = (code: string) => {
  const s = station(code);
  return { lon: s.lon, lat: s.lat, locationNote: `Approximate: placed at ${s.name} MTR station (mtr_stations.geojson); the exact site is not in the data.` };
};
const campusesFc = readGeo<{ code: string; name_en: string; name_zh: string; funding: string; campus_note: string }>('campuses_main.geojson');
const campusOf = (code: string) => {
  const f = campusesFc.features.find((c) => c.properties.code === code);
  if (!f) throw new Error(`campuses_main.geojson: no campus ${code}`);
  return { lon: f.geometry.coordinates[0] as number, lat: f.geometry.coordinates[1] as number, props: f.properties };
};

// ---------- sector figures (UGC-funded UG, non-local) ----------
const s2023 = ugcShare('ALL_8_UGC', 2023), s2024 = ugcShare('ALL_8_UGC', 2024), s2025 = ugcShare('ALL_8_UGC', 2025);
const h2023 = num(s2023, 'value', F_ENROL, 'sector 2023'), h2024 = num(s2024, 'value', F_ENROL, 'sector 2024');
const share2024 = num(s2024, 'pct_of_local_places', F_ENROL, 'sector 2024 share') / 100;
// "more than 20,000, +17% y/y" (SCMP 2026-02-14): the headcount implied by the growth rate.
const GROWTH_2025 = 1.17;
const h2025 = Math.round(h2024 * GROWTH_2025);
const localPlacesSector = h2024 / share2024; // local places of which the 2024/25 share is 23.2%

// Students per hostel place, 2025/26 survey (Wen Wei Po via CRNTT, 2025-09-01): PolyU 4.1, LingnanU 1.3 (FACTS.md §2b).
const STUDENTS_PER_PLACE_POLYU = 4.1, STUDENTS_PER_PLACE_LINGNAN = 1.3;
const stockRow = (inst: string, year: number) => one(stock, 'hostel_stock.csv', (r) => r.institution === inst && r.year_start === String(year), `${inst} ${year} stock`);
const ugcStock2024 = one(stock, 'hostel_stock.csv', (r) => r.institution === 'ALL_8_UGC' && r.year_start === '2024' && r.places === '40600', 'EDB 40,600');
const ugcStock2025 = stockRow('ALL_8_UGC', 2025);
const S24 = num(ugcStock2024, 'places', 'hostel_stock.csv', '2024/25 stock');
const S25 = num(ugcStock2025, 'places', 'hostel_stock.csv', '2025/26 stock');

// ---------- per-institution local UG places and stock (documented split rules) ----------
const hku24 = ugcShare('HKU', 2024), polyu24 = ugcShare('PolyU', 2024);
const localHKU = num(hku24, 'value', F_ENROL, 'HKU') / (num(hku24, 'pct_of_local_places', F_ENROL, 'HKU') / 100);
const localPolyU = num(polyu24, 'value', F_ENROL, 'PolyU') / (num(polyu24, 'pct_of_local_places', F_ENROL, 'PolyU') / 100);
const cuhkLocalRow = one(instEnrol, 'institution_enrolment.csv', (r) => r.institution === 'CUHK' && r.level === 'UG' && r.origin === 'local', 'CUHK local UG');
const hkustLocalRow = one(instEnrol, 'institution_enrolment.csv', (r) => r.institution === 'HKUST' && r.level === 'UG' && r.origin === 'local', 'HKUST local UG');
const lingnanHostelRow = one(instHostels, 'institution_hostels.csv', (r) => r.institution === 'LingnanU', 'LingnanU hostel');
const lingnanPlaces = num(lingnanHostelRow, 'places', 'institution_hostels.csv', 'LingnanU');
const localLingnan = (lingnanPlaces * STUDENTS_PER_PLACE_LINGNAN) / 1.4; // non-local at its 40% cap

const stock25: Record<string, Sourced> = {};
for (const code of ['CUHK', 'HKU', 'HKUST', 'CityU']) {
  const r = stockRow(code, 2025);
  stock25[code] = pub(num(r, 'places', 'hostel_stock.csv', code), `hostel_stock.csv: ${cite(r)}`);
}
stock25.LingnanU = pub(lingnanPlaces, `institution_hostels.csv: ${cite(lingnanHostelRow)} (undated page, taken as 2025/26)`);
const polyuStudents = localPolyU + num(polyu24, 'value', F_ENROL, 'PolyU');
stock25.PolyU = est(polyuStudents / STUDENTS_PER_PLACE_POLYU, `PolyU UGC-funded UG (${Math.round(polyuStudents)}: local places + 3,785 non-local, 2024/25) ÷ 4.1 students per place (2025/26 survey)`);
const hkbu25 = num(ugcUg('HKBU', 2025), 'value', F_ENROL, 'HKBU 2025'), eduhk25 = num(ugcUg('EdUHK', 2025), 'value', F_ENROL, 'EdUHK 2025');
const restStock = S25 - ['CUHK', 'HKU', 'HKUST', 'CityU', 'LingnanU', 'PolyU'].reduce((a, c) => a + stock25[c].value, 0);
const ruleStock = `the 2025/26 sector total 42,000 less the six institutions with a figure, split between HKBU and EdUHK by their 2025/26 non-local UG headcounts (${hkbu25} : ${eduhk25})`;
stock25.HKBU = est((restStock * hkbu25) / (hkbu25 + eduhk25), ruleStock);
stock25.EdUHK = est((restStock * eduhk25) / (hkbu25 + eduhk25), ruleStock);

const localUg: Record<string, Sourced> = {
  HKU: est(localHKU, `HKU 4,204 non-local UG = 30.1% of local places (2024/25, on.cc via Yahoo 2025-09-14) → local places = 4,204 ÷ 0.301`),
  PolyU: est(localPolyU, `PolyU 3,785 non-local UG = 28.6% of local places (2024/25, on.cc via Yahoo 2025-09-14) → 3,785 ÷ 0.286`),
  CUHK: pub(num(cuhkLocalRow, 'headcount', 'institution_enrolment.csv', 'CUHK'), `institution_enrolment.csv: CUHK UGC-funded local UG 2021/22, held constant (local places are unchanged by policy); ${cite(cuhkLocalRow)}`),
  HKUST: pub(num(hkustLocalRow, 'headcount', 'institution_enrolment.csv', 'HKUST'), `institution_enrolment.csv: HKUST local UG 2023/24 (derived 10,347 − 2,078); ${cite(hkustLocalRow)}`),
  LingnanU: est(localLingnan, `LingnanU hostel places 2,600 × 1.3 students per place (2025/26 survey) ÷ 1.4 (non-local at its filled 40% quota)`),
};
const localResidual = localPlacesSector - Object.values(localUg).reduce((a, v) => a + v.value, 0);
const restStockSum = stock25.CityU.value + stock25.HKBU.value + stock25.EdUHK.value;
for (const code of ['CityU', 'HKBU', 'EdUHK']) {
  localUg[code] = est((localResidual * stock25[code].value) / restStockSum,
    `sector local places ${Math.round(localPlacesSector)} (17,161 ÷ 23.2%, 2024/25) less the five institutions with a figure, split among CityU, HKBU and EdUHK by 2025/26 hostel places`);
}

// ---------- non-local UG observed (2024/25 and 2025/26) ----------
const secGrowth = h2024 / h2023;
const nl24: Record<string, Sourced> = {
  HKU: pub(num(hku24, 'value', F_ENROL, 'HKU'), `nonlocal_enrolment.csv: ${cite(hku24)}`),
  PolyU: pub(num(polyu24, 'value', F_ENROL, 'PolyU'), `nonlocal_enrolment.csv: ${cite(polyu24)}`),
  LingnanU: est(0.4 * localUg.LingnanU.value, 'LingnanU "filled" its 40% quota in 2024/25 (Ming Pao, Sep 2024) → 40% of its local places'),
};
const hkust23 = ugcShare('HKUST', 2023);
const grow23 = (v: number, what: string) => est(v * secGrowth, `${what} (2023/24) × sector growth 17,161 ÷ 14,756 = ${secGrowth.toFixed(3)}`);
nl24.HKUST = grow23((num(hkust23, 'pct_of_local_places', F_ENROL, 'HKUST') / 100) * localUg.HKUST.value, 'HKUST 23.7% of local places');
nl24.HKBU = grow23(num(ugcUg('HKBU', 2023), 'value', F_ENROL, 'HKBU 2023'), 'HKBU 943');
nl24.EdUHK = grow23(num(ugcUg('EdUHK', 2023), 'value', F_ENROL, 'EdUHK 2023'), 'EdUHK 442');
{
  const known = Object.values(nl24).reduce((a, v) => a + v.value, 0);
  const resid = h2024 - known;
  const base = localUg.CUHK.value + localUg.CityU.value;
  for (const code of ['CUHK', 'CityU']) nl24[code] = est((resid * localUg[code].value) / base,
    `sector 17,161 (2024/25) less the six institutions above, split between CUHK and CityU by local places (SCMP 2026-02-14: the two smallest increases)`);
}
const nl25: Record<string, Sourced> = {
  HKU: pub(num(ugcUg('HKU', 2025), 'value', F_ENROL, 'HKU 2025'), `nonlocal_enrolment.csv: ${cite(ugcUg('HKU', 2025))}`),
  HKBU: pub(hkbu25, `nonlocal_enrolment.csv: ${cite(ugcUg('HKBU', 2025))}`),
  EdUHK: pub(eduhk25, `nonlocal_enrolment.csv: ${cite(ugcUg('EdUHK', 2025))}`),
  LingnanU: est(0.4 * localUg.LingnanU.value, 'held at the 40% quota (cap until 2025/26)'),
};
{
  const known = Object.values(nl25).reduce((a, v) => a + v.value, 0);
  const rest = ['PolyU', 'CUHK', 'HKUST', 'CityU'];
  const g = (h2025 - known) / rest.reduce((a, c) => a + nl24[c].value, 0);
  for (const code of rest) nl25[code] = est(nl24[code].value * g,
    `2024/25 value × ${g.toFixed(4)}, the common growth that makes the 8 universities sum to ${h2025} (17,161 × 1.17, "+17% y/y", SCMP 2026-02-14)`);
}

// ---------- research postgraduates (2024/25) ----------
const rpgNonLocalSector = num(one(enrol, F_ENROL, (r) => r.institution === 'ALL_8_UGC' && r.level === 'FT UG + RPg' && r.metric === 'non-local headcount', 'UG+RPg non-local'), 'value', F_ENROL, 'UG+RPg') - h2024;
const rpgLocalSector = num(one(enrol, F_ENROL, (r) => r.institution === 'ALL_8_UGC' && r.level === 'FT UG + RPg' && r.metric === 'local headcount', 'UG+RPg local'), 'value', F_ENROL, 'UG+RPg') - localPlacesSector;
const ie = (inst: string, level: string, origin: string) => num(one(instEnrol, 'institution_enrolment.csv', (r) => r.institution === inst && r.level === level && r.origin === origin, `${inst} ${level} ${origin}`), 'headcount', 'institution_enrolment.csv', inst);
const rpgL: Record<string, Sourced> = {
  HKUST: pub(ie('HKUST', 'RPg', 'local'), 'institution_enrolment.csv: HKUST RPg local 2023/24 (derived 2,889 − 2,451), https://hkust.edu.hk/about/facts-figures'),
  CUHK: est(ie('CUHK', 'PG (PGDE + taught + research, publicly funded)', 'local'), 'CUHK publicly-funded PG local 2021/22 (mostly RPg), taken as RPg'),
};
const rpgN: Record<string, Sourced> = {
  HKUST: pub(ie('HKUST', 'RPg', 'non-local'), 'institution_enrolment.csv: HKUST RPg non-local 2023/24, https://hkust.edu.hk/about/facts-figures'),
  CUHK: est(ie('CUHK', 'PG (PGDE + taught + research, publicly funded)', 'non-local'), 'CUHK publicly-funded PG non-local 2021/22 (mostly RPg), taken as RPg'),
};
{
  const rest = ['HKU', 'PolyU', 'CityU', 'HKBU', 'LingnanU', 'EdUHK'];
  const base = rest.reduce((a, c) => a + localUg[c].value, 0);
  const residL = rpgLocalSector - rpgL.HKUST.value - rpgL.CUHK.value;
  const residN = rpgNonLocalSector - rpgN.HKUST.value - rpgN.CUHK.value;
  for (const c of rest) {
    rpgL[c] = est((residL * localUg[c].value) / base, `sector local RPg ${Math.round(rpgLocalSector)} (76,943 UG+RPg local − local places, EDB 2024/25) less HKUST and CUHK, split by local UG places`);
    rpgN[c] = est((residN * localUg[c].value) / base, `sector non-local RPg ${Math.round(rpgNonLocalSector)} (26,476 UG+RPg non-local − 17,161 UG, EDB 2024/25) less HKUST and CUHK, split by local UG places`);
  }
}

// ---------- other non-local (self-financed TPg, self-financing institutions), 2024/25 ----------
const allPs = (y: number) => one(enrol, F_ENROL, (r) => r.institution === 'ALL_POST_SECONDARY' && r.year_start === String(y) && r.metric === 'non-local headcount' && r.level.startsWith('all full-time'), `all post-secondary ${y}`);
const ps2024 = num(allPs(2024), 'value', F_ENROL, 'all post-secondary 2024');
const otherSector = ps2024 - h2024 - rpgNonLocalSector;
const otherNL: Record<string, Sourced> = {
  HKU: est(num(one(instEnrol, 'institution_enrolment.csv', (r) => r.institution === 'HKU' && r.level === 'TPg' && r.year_start === '2023', 'HKU TPg'), 'headcount', 'institution_enrolment.csv', 'HKU TPg'), 'HKU Mainland TPg 2023/24 (Ming Pao 2025-08-31), taken as all non-local TPg for 2024/25'),
  HKUST: est(ie('HKUST', 'TPg', 'non-local'), 'HKUST non-local TPg 2023/24 (hkust.edu.hk facts), taken for 2024/25'),
  LingnanU: est(num(one(instEnrol, 'institution_enrolment.csv', (r) => r.institution === 'LingnanU' && r.level === 'TPg' && r.year_start === '2023', 'LingnanU TPg'), 'headcount', 'institution_enrolment.csv', 'LingnanU TPg'), 'LingnanU Mainland TPg 2023/24 (Ming Pao 2025-08-31), taken as all non-local TPg for 2024/25'),
  HSUHK: pub(ie('HSUHK', 'UG', 'non-local') + ie('HSUHK', 'PG (all)', 'non-local'), 'institution_enrolment.csv: HSUHK non-local UG 1,377 + PG 827 (2025/26), https://www.hsu.edu.hk/en/about-hsuhk/facts-and-figures/students-undergraduate-programmes'),
};
{
  const knownUgc = ['HKU', 'HKUST', 'LingnanU'];
  const ratio = knownUgc.reduce((a, c) => a + otherNL[c].value, 0) / knownUgc.reduce((a, c) => a + localUg[c].value, 0);
  for (const c of ['CUHK', 'PolyU', 'CityU', 'HKBU', 'EdUHK']) otherNL[c] = est(localUg[c].value * ratio,
    `local UG places × ${ratio.toFixed(3)}, the non-local TPg per local UG place of HKU, HKUST and LingnanU (the three with a figure)`);
  const known = Object.values(otherNL).reduce((a, v) => a + v.value, 0);
  otherNL.OTHER = est(otherSector - known, `all post-secondary non-local ${ps2024} (EDB 2024/25) − 17,161 UGC UG − ${Math.round(rpgNonLocalSector)} RPg − the institutions above`);
}

// ---------- institutions ----------
const ugcCodes = ['HKU', 'CUHK', 'HKUST', 'PolyU', 'CityU', 'HKBU', 'LingnanU', 'EdUHK'];
const campusCode = (c: string) => (c === 'LingnanU' ? 'LU' : c);
const zero = (why: string): Sourced => ({ value: 0, estimated: true, source: `Estimated: ${why}` });
const institutions: Institution[] = [];
for (const code of ugcCodes) {
  const c = campusOf(campusCode(code));
  institutions.push({
    code, nameEn: c.props.name_en, nameZh: c.props.name_zh, funding: 'UGC',
    campuses: [{ lon: c.lon, lat: c.lat, label: c.props.campus_note }], district: districtOf(c.lon, c.lat),
    localUg: localUg[code], nonLocalUgObserved: { '2024': nl24[code], '2025': nl25[code] },
    rpgLocal: rpgL[code], rpgNonLocal: rpgN[code], otherNonLocal: otherNL[code],
    otherLocal: zero('local self-financed students at UGC universities are outside both lenses'),
  });
}
{
  const c = campusOf('HSUHK');
  institutions.push({
    code: 'HSUHK', nameEn: c.props.name_en, nameZh: c.props.name_zh, funding: 'self-financing',
    campuses: [{ lon: c.lon, lat: c.lat, label: c.props.campus_note }], district: districtOf(c.lon, c.lat),
    localUg: zero('not UGC-funded'), nonLocalUgObserved: {},
    rpgLocal: zero('no RPg figure'), rpgNonLocal: zero('no RPg figure'), otherNonLocal: otherNL.HSUHK,
    otherLocal: pub(ie('HSUHK', 'UG', 'local') + ie('HSUHK', 'PG (all)', 'local'), 'institution_enrolment.csv: HSUHK local UG 5,253 + PG 79 (2025/26)'),
  });
  const others = ['HKMU', 'HKSYU', 'SFU', 'CHCHE', 'THEi'].map(campusOf);
  institutions.push({
    code: 'OTHER', nameEn: 'Other self-financing and sub-degree institutions', nameZh: '其他自資及副學位院校', funding: 'other',
    campuses: others.map((o) => ({ lon: o.lon, lat: o.lat, label: `${o.props.name_en}` })), district: null,
    localUg: zero('not UGC-funded'), nonLocalUgObserved: {},
    rpgLocal: zero('no RPg figure'), rpgNonLocal: zero('no RPg figure'), otherNonLocal: otherNL.OTHER,
    otherLocal: zero('no figure for local students at these institutions was found'),
  });
}

// ---------- sites ----------
const sites: SiteRecord[] = [];
const blank = { beds: null, openYear: null, rooms: null, areaM2: null, plotRatio: null, maxGfaM2: null, availableYear: null, polygon: null, locationNote: null } as const;
function addSite(s: Omit<SiteRecord, 'district' | keyof typeof blank> & Partial<SiteRecord>) {
  const full = { ...blank, ...s, district: null } as SiteRecord;
  full.lon = full.lon === null ? null : r5(full.lon);
  full.lat = full.lat === null ? null : r5(full.lat);
  full.district = full.lon !== null && full.lat !== null ? districtOf(full.lon, full.lat) : null;
  sites.push(full);
}

// Existing stock: one site per institution at its main campus, beds in use in 2024/25.
// The 2025/26 survey (42,000) is 1,400 above EDB's 2024/25 figure (40,600); that difference is
// treated as beds opened for 2025/26 and shared pro rata (definitions differ: FACTS.md §7.1).
const opened2025 = S25 - S24;
for (const code of ugcCodes) {
  const inst = institutions.find((i) => i.code === code)!;
  const s25 = stock25[code];
  const part = (opened2025 * s25.value) / S25;
  addSite({
    id: `existing:${slug(code)}`, source: 'existing', kind: 'fixed', nameEn: `${inst.nameEn} halls (existing)`, nameZh: `${inst.nameZh}宿舍（現有）`,
    owner: code, lon: inst.campuses[0].lon, lat: inst.campuses[0].lat, locationNote: 'Drawn at the main campus point: halls are spread over campus and nearby.',
    status: 'operating', beds: est(s25.value - part, `2025/26 places (${s25.estimated ? 'estimated' : 'published'}: ${s25.source.replace(/^Estimated: /, '')}) less its pro-rata share of the 1,400 beds between EDB's 40,600 (2024/25) and the survey's 42,000 (2025/26)`),
    openYear: pub(2024, 'in use in 2024/25'), note: s25.estimated ? 'Per-institution places estimated.' : 'Per-institution places published for 2025/26.',
  });
  addSite({
    id: `pipeline:opened-2025-${slug(code)}`, source: 'pipeline', kind: 'fixed', nameEn: `${inst.nameEn}: places added for 2025/26`, nameZh: `${inst.nameZh}：2025/26新增宿位`,
    owner: code, lon: inst.campuses[0].lon, lat: inst.campuses[0].lat, locationNote: 'Drawn at the main campus point.',
    status: 'operating', beds: est(part, `pro-rata share of the 1,400 places between 40,600 (EDB, 2024/25) and 42,000 (survey, 2025/26)`),
    openYear: pub(2025, 'hostel_stock.csv 2025/26 survey'), note: 'Projects not itemised in the sources.',
  });
}
{
  const hs = stockRow('HSUHK', 2025);
  const c = campusOf('HSUHK');
  addSite({ id: 'existing:hsuhk', source: 'existing', kind: 'fixed', nameEn: 'HSUHK halls (existing, incl. 300 off-campus)', nameZh: '香港恒生大學宿舍（現有）', owner: 'HSUHK', lon: c.lon, lat: c.lat,
    locationNote: 'Drawn at the campus point.', status: 'operating', beds: pub(num(hs, 'places', 'hostel_stock.csv', 'HSUHK'), `hostel_stock.csv: ${cite(hs)}`), openYear: pub(2024, 'in use'), note: '' });
  const syu = one(instHostels, 'institution_hostels.csv', (r) => r.institution === 'HKSYU' && r.year_start === '2020', 'HKSYU 2020');
  const cs = campusOf('HKSYU');
  addSite({ id: 'existing:hksyu', source: 'existing', kind: 'fixed', nameEn: 'HKSYU residential places', nameZh: '香港樹仁大學宿位', owner: 'OTHER', lon: cs.lon, lat: cs.lat,
    locationNote: 'Drawn at the campus point.', status: 'operating', beds: est(num(syu, 'places', 'institution_hostels.csv', 'HKSYU'), 'HKSYU 1,087 places in 2020/21 (hksyu.edu), held constant'), openYear: pub(2024, 'in use'), note: '' });
  const mu = one(instHostels, 'institution_hostels.csv', (r) => r.institution === 'HKMU', 'HKMU rooms');
  const cm = campusOf('HKMU');
  addSite({ id: 'existing:hkmu', source: 'existing', kind: 'fixed', nameEn: 'HKMU dormitories', nameZh: '香港都會大學宿舍', owner: 'OTHER', lon: cm.lon, lat: cm.lat,
    locationNote: 'Drawn at the campus point.', status: 'operating', beds: est(num(mu, 'places', 'institution_hostels.csv', 'HKMU') * 2, 'HKMU ~200 dormitory rooms (2022/23, low confidence) × 2.0 beds per room (youth-hostel hotel conversions)'), openYear: pub(2024, 'in use'), note: 'Rooms, not beds, in the source.' });
}
// Private student housing already converted from hotels (open market).
const hotelsFc = readGeo<{ name_en: string; name_zh: string; district: string; address_en: string }>('hotels_licensed.geojson');
const hotelPoint = (name: string) => {
  const f = hotelsFc.features.find((h) => h.properties.name_en === name);
  if (!f) throw new Error(`hotels_licensed.geojson: no hotel ${name}`);
  return { lon: f.geometry.coordinates[0] as number, lat: f.geometry.coordinates[1] as number };
};
const convRow = (prop: string) => one(conversions, 'hotel_conversions.csv', (r) => r.property === prop, prop);
const CONVERTED: Record<string, { prop: string; year: number }> = {
  'PENTAHOTEL HONG KONG, KOWLOON': { prop: 'Pentahotel Kowloon', year: 2024 },
  'HOTEL SAV': { prop: 'Hotel Sav', year: 2022 },
};
for (const [hotelName, { prop, year }] of Object.entries(CONVERTED)) {
  const r = convRow(prop);
  const p = hotelPoint(hotelName);
  addSite({ id: `existing:${slug(r.new_name)}`, source: 'existing', kind: 'fixed', nameEn: `${r.new_name} (former ${r.property})`, nameZh: r.new_name, owner: null, lon: p.lon, lat: p.lat,
    locationNote: null, status: 'operating', beds: pub(num(r, 'beds_after', 'hotel_conversions.csv', prop), `hotel_conversions.csv: ${cite(r)}`), openYear: pub(year, `hotel_conversions.csv status "${r.status}"`),
    note: 'Market-led conversion, private student housing.' });
}

// Pipeline: named university projects (deduplicated by project; MU88 counted under conversions).
const projRow = (prefix: string) => one(projects, 'hostel_projects.csv', (r) => r.project.startsWith(prefix), prefix);
const PIPE = [
  { prefix: 'CityU Student Hostel Phase 5', owner: 'CityU', place: atStation('WKS'), status: 'under construction' as const },
  { prefix: 'HKU High West', owner: 'HKU', place: { ...campusOf('HKU'), locationNote: 'Approximate: drawn at the HKU campus point (High West, Pok Fu Lam).' }, status: 'under construction' as const },
  { prefix: 'PolyU Kowloon Tong', owner: 'PolyU', place: atStation('KOT'), status: 'under construction' as const },
  { prefix: 'HKU Ming Tak', owner: 'HKU', place: { ...campusOf('HKU'), locationNote: 'Approximate: drawn at the HKU campus point (140 Pok Fu Lam Road).' }, status: 'planned' as const },
  { prefix: 'HSUHK 博學堂', owner: 'HSUHK', place: atStation('NTK'), status: 'under construction' as const },
];
const newBuildMonths = num(one(policy, 'policy_parameters.csv', (r) => r.parameter === 'hitc_new_build_completion_deadline_months', 'new build months'), 'value', 'policy_parameters.csv', 'new build');
for (const p of PIPE) {
  const r = projRow(p.prefix);
  const yearCell = r.expected_ready_year;
  const openYear = yearCell ? pub(Number(yearCell), `hostel_projects.csv expected_ready_year; ${cite(r)}`)
    : est(readyYear(2025, newBuildMonths), `developer EOI closed 2025-08 (2025/26) + ${newBuildMonths} months (Hostels in the City new-build deadline)`);
  addSite({ id: `pipeline:${slug(p.prefix)}`, source: 'pipeline', kind: 'fixed', nameEn: r.project, nameZh: '', owner: p.owner, lon: p.place.lon, lat: p.place.lat,
    locationNote: p.place.locationNote, status: p.status, beds: pub(num(r, 'places', 'hostel_projects.csv', p.prefix), `hostel_projects.csv (${r.value_qualifier}): ${cite(r)}`), openYear, note: r.note });
}

// Conversions: MU88 (Hostels in the City, HKMU), then every licensed hotel and guesthouse as a candidate.
{
  const r = projRow('HKMU MU88');
  const p = atStation('HUH');
  addSite({ id: 'conversion:mu88', source: 'conversion', kind: 'fixed', nameEn: 'MU88 (former Urbanwood Hung Hom), HKMU', nameZh: 'MU88（前紅磡城景國際酒店）', owner: 'OTHER', lon: p.lon, lat: p.lat,
    locationNote: p.locationNote, status: 'applied', beds: pub(num(r, 'places', 'hostel_projects.csv', 'MU88'), `hostel_projects.csv: ${cite(r)}`), openYear: pub(2026, 'ready before 2026/27'),
    rooms: pub(255, 'hotel_conversions.csv: 255 rooms'), note: 'Hostels in the City Scheme principal approval; counted within the ~5,100 applied beds.' });
}
const roomsByName = new Map<string, Row>();
for (const r of hotelRooms) if (r.hotel_name_en && !r.hotel_name_en.startsWith('ALL HOTELS')) roomsByName.set(r.hotel_name_en, r);
const hkRoomsRow = one(policy, 'policy_parameters.csv', (r) => r.parameter === 'hk_hotel_rooms', 'hk_hotel_rooms');
const hkRooms = num(hkRoomsRow, 'value', 'policy_parameters.csv', 'hk_hotel_rooms');
const seenHotel = new Set<string>();
const candidates = hotelsFc.features.filter((f) => {
  const n = f.properties.name_en;
  if (CONVERTED[n]) return false;
  if (seenHotel.has(n)) return false; // the same licensed hotel at a second point: count it once
  seenHotel.add(n);
  return true;
});
const publishedRooms = candidates.reduce((a, f) => a + (roomsByName.has(f.properties.name_en) ? Number(roomsByName.get(f.properties.name_en)!.rooms) : 0), 0);
const unknownCount = candidates.filter((f) => !roomsByName.has(f.properties.name_en)).length;
const roomsEach = (hkRooms - publishedRooms) / unknownCount;
const roomRule = `(${hkRooms.toLocaleString('en')} hotel rooms city-wide, 2025 − ${publishedRooms.toLocaleString('en')} published for ${candidates.length - unknownCount} listed hotels) ÷ ${unknownCount} hotels without a published count`;
candidates.forEach((f, i) => {
  const n = f.properties.name_en;
  const rr = roomsByName.get(n);
  addSite({ id: `hotel:${String(i + 1).padStart(3, '0')}-${slug(n)}`, source: 'conversion', kind: 'hotel', nameEn: n, nameZh: f.properties.name_zh, owner: null,
    lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], locationNote: null, status: 'candidate',
    rooms: rr ? { value: Number(rr.rooms), estimated: false, source: `hotel_rooms.csv (${rr.value_qualifier}, ${rr.confidence}): ${rr.source_url} (${rr.source_date || 'undated'})` } : est(roomsEach, roomRule),
    note: f.properties.address_en ?? '' });
});
const guestFc = readGeo<{ name_en: string; name_zh: string; address_en: string }>('guesthouses_licensed.geojson');
guestFc.features.forEach((f, i) => {
  addSite({ id: `guesthouse:${String(i + 1).padStart(4, '0')}`, source: 'conversion', kind: 'guesthouse', nameEn: f.properties.name_en, nameZh: f.properties.name_zh, owner: null,
    lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], locationNote: null, status: 'candidate', rooms: null,
    note: '' });
});

// Land sale: the three 2026 hostel sites.
const landRows = pipeline.filter((r) => r.project.startsWith('Land sale site:'));
if (landRows.length !== 3) throw new Error('hostel_pipeline.csv: expected 3 land-sale sites');
const LAND_PLACE: Record<string, { lon: number; lat: number; locationNote: string }> = {
  'Kai Tak': { ...atStation('KAT'), locationNote: 'Approximate: placed at Kai Tak station; the site is the former south apron near Kai Tak Sports Park.' },
  'Siu Lek Yuen': (() => { const a = station('CIO'), b = station('SHM'); return { lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2, locationNote: 'Approximate: midway between City One and Shek Mun stations, as the site is described.' }; })(),
  'Tung Chung East': { ...atStation('TUC'), locationNote: 'Approximate: placed at Tung Chung station; the site is next to the future Tung Chung East station (2029), not in the data.' },
};
for (const r of landRows) {
  const name = r.project.replace('Land sale site: ', '').replace(/ \(.*\)$/, '');
  const pr = /PR ([\d.]+)/.exec(r.note);
  if (!pr) throw new Error(`hostel_pipeline.csv: no plot ratio in note for ${name}`);
  const place = LAND_PLACE[name];
  if (!place) throw new Error(`no location rule for land-sale site ${name}`);
  addSite({ id: `landsale:${slug(name)}`, source: 'landSale', kind: 'landSale', nameEn: `Hostel land-sale site: ${name}`, nameZh: '', owner: null, lon: place.lon, lat: place.lat,
    locationNote: place.locationNote, status: 'planned',
    areaM2: pub(num(r, 'site_area_ha', 'hostel_pipeline.csv', name) * 10_000, `hostel_pipeline.csv: ${cite(r)}`),
    plotRatio: pub(Number(pr[1]), `hostel_pipeline.csv note: ${cite(r)}`),
    maxGfaM2: pub(num(r, 'gfa_m2', 'hostel_pipeline.csv', name), `hostel_pipeline.csv (approx): ${cite(r)}`),
    availableYear: pub(2026, 'tender as early as 2026/27 (stheadline/worldjournal 2026-01-20)'), note: r.note });
}

// University Town: three sites with illustrative outlines of the published area.
function illustrativeRectangle(lon: number, lat: number, areaM2: number, aspect = 1.4): SiteRecord['polygon'] {
  const mPerDegLat = 110_574, mPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  let w = Math.sqrt(areaM2 * aspect), h = areaM2 / w;
  for (let i = 0; i < 4; i++) {
    const dx = w / 2 / mPerDegLon, dy = h / 2 / mPerDegLat;
    const ring: [number, number][] = [[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]];
    const a = turf.area(turf.polygon([ring]));
    const k = Math.sqrt(areaM2 / a);
    w *= k; h *= k;
    if (Math.abs(a - areaM2) / areaM2 < 1e-6) return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] as [number, number])] };
  }
  const dx = w / 2 / mPerDegLon, dy = h / 2 / mPerDegLat;
  const ring: [number, number][] = [[lon - dx, lat - dy], [lon + dx, lat - dy], [lon + dx, lat + dy], [lon - dx, lat + dy], [lon - dx, lat - dy]];
  return { type: 'Polygon', coordinates: [ring.map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] as [number, number])] };
}
const ntmRef = readGeo<{ kind: string }>('ngau_tam_mei_reference.geojson').features.find((f) => f.properties.kind === 'area_centre')!;
const hskStop = readGeo<{ id: string }>('light_rail_stops.geojson').features.find((f) => f.properties.id === 'LR380')!;
const northAnchor = turf.pointOnFeature(districtFc.features.find((f) => f.properties.code === 'N') as any).geometry.coordinates;
const nmutRow = (site: string, component: string) => one(nmut, 'nmut_sites.csv', (r) => r.site === site && r.component === component, `${site} ${component}`);
const UT = [
  { id: 'ngau-tam-mei', row: nmutRow('Ngau Tam Mei', 'UniTown (incl. 3rd medical school)'), nameEn: 'University Town: Ngau Tam Mei', nameZh: '大學城：牛潭尾',
    at: { lon: ntmRef.geometry.coordinates[0], lat: ntmRef.geometry.coordinates[1], locationNote: 'Illustrative outline of the published area, centred on the Ngau Tam Mei area anchor (mean of public-transport stops); no official boundary is published.' } },
  { id: 'nt-north-new-town', row: nmutRow('New Territories North New Town', 'University Town'), nameEn: 'University Town: New Territories North New Town', nameZh: '大學城：新界北新市鎮',
    at: { lon: northAnchor[0], lat: northAnchor[1], locationNote: 'Illustrative outline of the published area placed at an interior point of North District; no site or boundary is published.' } },
  { id: 'hung-shui-kiu', row: nmutRow('Hung Shui Kiu/Ha Tsuen NDA', 'University Town'), nameEn: 'University Town: Hung Shui Kiu/Ha Tsuen', nameZh: '大學城：洪水橋／厦村',
    at: { lon: hskStop.geometry.coordinates[0], lat: hskStop.geometry.coordinates[1], locationNote: 'Illustrative outline of the published area centred on Hung Shui Kiu light rail stop; no official boundary is published.' } },
];
for (const u of UT) {
  const areaHa = num(u.row, 'area_ha', 'nmut_sites.csv', u.id);
  addSite({ id: `unitown:${u.id}`, source: 'universityTown', kind: 'uniTown', nameEn: u.nameEn, nameZh: u.nameZh, owner: null, lon: u.at.lon, lat: u.at.lat,
    locationNote: u.at.locationNote, status: 'planned', areaM2: pub(areaHa * 10_000, `nmut_sites.csv (${u.row.area_qualifier}): ${cite(u.row)}`),
    availableYear: pub(num(u.row, 'available_from_year', 'nmut_sites.csv', u.id), `nmut_sites.csv: site available from (earliest); ${cite(u.row)}`),
    polygon: illustrativeRectangle(u.at.lon, u.at.lat, areaHa * 10_000), note: `Illustrative outline. ${u.row.note}` });
}

// Youth Hostel Scheme (working youth 18–30, not students): counted for students only if the scenario says so.
const yRow = (p: string) => one(youth, 'youth_hostels.csv', (r) => r.project === p, p);
const YH = [
  { p: 'PH2', place: atStation('TAP') }, { p: 'Lee Shau Kee Youth Oasis', place: atStation('YUL') }, { p: 'BeLIVING Youth Hub', place: atStation('WAC') },
  { p: '琇居', place: atStation('TIS') }, { p: 'Girl Guides youth hostel', place: atStation('JOR') }, { p: 'TWGHs youth hostel', place: atStation('SHW') },
  { p: 'HKAYD youth hostel', place: atStation('MOK') }, { p: 'SKH Welfare youth hostel', place: atStation('YUL') }, { p: 'Salvation Army youth hostel', place: atStation('WAC') },
];
const yhYear = (r: Row): Sourced => {
  if (r.year_open_or_expected) return pub(Number(r.year_open_or_expected), `youth_hostels.csv: ${cite(r)}`);
  if (r.status.startsWith('under development')) return est(2028, 'status "under development" (2021): assumed open 2028/29, HDF-style 3–5 years once funded');
  if (r.status.startsWith('technical feasibility')) return est(2032, 'status "technical feasibility stage" (2025): assumed open 2032/33');
  return est(2030, `status "${r.status}" (2021): assumed open 2030/31`);
};
for (const y of YH) {
  const r = yRow(y.p);
  addSite({ id: `youth:${slug(r.project === '琇居' ? 'tin-sau-road' : r.project)}`, source: 'youthHostel', kind: 'fixed', nameEn: r.project === '琇居' ? '琇居, 8 Tin Sau Road' : `${r.project} (${r.operator || 'NGO'})`, nameZh: r.project === '琇居' ? '琇居' : '',
    owner: null, lon: y.place.lon, lat: y.place.lat, locationNote: y.place.locationNote, status: r.status.startsWith('operating') || r.status.startsWith('approved') ? 'operating' : 'planned',
    beds: pub(num(r, 'places', 'youth_hostels.csv', r.project), `youth_hostels.csv (${r.value_qualifier}): ${cite(r)}`), openYear: yhYear(r), note: `${r.type}. ${r.note}`.trim() });
}
{
  const agg = num(yRow('5 hotel/guesthouse conversions (aggregate)'), 'places', 'youth_hostels.csv', 'aggregate');
  const rest = agg - num(yRow('BeLIVING Youth Hub'), 'places', 'youth_hostels.csv', 'BeLIVING') - num(yRow('琇居'), 'places', 'youth_hostels.csv', '琇居');
  addSite({ id: 'youth:other-subsidy-conversions', source: 'youthHostel', kind: 'fixed', nameEn: 'Three other subsidy-scheme youth hostels (unlocated)', nameZh: '其他三間資助計劃青年宿舍', owner: null, lon: null, lat: null,
    locationNote: 'Not located in the sources; shared in proportion to demand, not by distance.', status: 'operating',
    beds: est(rest, `1,310 places in 5 hotel/guesthouse conversions (am730 2025-04-07) − BeLIVING 194 − 琇居 672`), openYear: est(2024, 'operating by April 2025'), note: '' });
}

// ---------- sector block ----------
const pp = (p: string) => one(pipeline, 'hostel_pipeline.csv', (r) => r.project.startsWith(p), p);
const hitc = pp('Hostels in the City Scheme applications');
const sector = {
  nonLocalUgSharePct: Object.fromEntries([s2023, s2024, s2025].map((r) => [r.year_start, pub(Number(r.pct_of_local_places), `nonlocal_enrolment.csv: ${cite(r)}`)])),
  nonLocalUgHeadcount: {
    '2023': pub(h2023, `nonlocal_enrolment.csv: ${cite(s2023)}`), '2024': pub(h2024, `nonlocal_enrolment.csv: ${cite(s2024)}`),
    '2025': est(h2025, `17,161 × 1.17 ("more than 20,000", +17% y/y: ${cite(s2025)})`),
  },
  ugcHostelPlaces: { '2024': pub(S24, `hostel_stock.csv: ${cite(ugcStock2024)}`), '2025': pub(S25, `hostel_stock.csv: ${cite(ugcStock2025)}`) },
  allPostSecondaryNonLocal: { '2022': pub(num(allPs(2022), 'value', F_ENROL, '2022'), `nonlocal_enrolment.csv: ${cite(allPs(2022))}`), '2024': pub(ps2024, `nonlocal_enrolment.csv: ${cite(allPs(2024))}`) },
  hitcAppliedBeds: pub(5100, `~25 applications / ~5,100 beds by early Feb 2026 (stheadline 2026-02-25, in hostel_pipeline.csv note); 24 applications ~5,000 beds on 2026-01-20: ${cite(hitc)}`),
  landSaleTotalBeds: pub(num(pp('Land sale sites total'), 'places', 'hostel_pipeline.csv', 'land sale total'), `hostel_pipeline.csv: ${cite(pp('Land sale sites total'))}`),
  ntmHostelBeds: pub(num(pp('NMUT Ngau Tam Mei'), 'places', 'hostel_pipeline.csv', 'NTM'), `hostel_pipeline.csv: ${cite(pp('NMUT Ngau Tam Mei'))}`),
  hkHotelRooms: pub(hkRooms, `policy_parameters.csv: ${cite(hkRoomsRow)}`),
  ugcRpgPlaces: pub(7200, 'policy_parameters.csv ugc_funded_rpg_places (2024/25 target): https://www.ugc.edu.hk/eng/ugc/about/press_speech_other/press/2022/pr20221026.html'),
  shortfallEstimates: shortfalls.map((r) => ({ estimator: r.estimator, scope: r.scope, measure: r.measure, year: Number(r.year_start), beds: Number(r.beds), qualifier: r.value_qualifier, sourceUrl: firstUrl(r), confidence: r.confidence })),
};

const data: ModelData = validateModelData({
  schema: 'hostel-planner/data', version: 1,
  builtFrom: 'scripts/build-data.ts from ../shared/data and ../shared/geodata-sources (see geodata/SOURCES.md)',
  institutions, sites, districts, sector,
}, 'geodata/model-data.json (as built)');

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(data) + '\n');
const bySource = new Map<string, number>();
for (const s of data.sites) bySource.set(s.source, (bySource.get(s.source) ?? 0) + 1);
console.log(`wrote ${path.relative(repoRoot, OUT)}: ${data.institutions.length} institutions, ${data.sites.length} sites (${[...bySource].map(([k, v]) => `${k} ${v}`).join(', ')}), ${(fs.statSync(OUT).size / 1024).toFixed(0)} KB`);
console.log(`hotel rooms: ${publishedRooms} published for ${candidates.length - unknownCount} candidates, ${roomsEach.toFixed(1)} estimated for each of ${unknownCount}`);
