/**
 * Data and font attributions for the basemap and the app's map layers, from
 * shared/geodata-sources/PROVENANCE.md. Render them as TEXT (textContent / React children), never as
 * HTML; they are deliberately not put into the MapLibre sources' `attribution` (which MapLibre's
 * AttributionControl inserts as HTML).
 *
 * Not listed because not used: hk_land_osm_coarse.geojson (OpenStreetMap, ODbL) and Natural Earth.
 * If either is ever shown on the map, add "© OpenStreetMap contributors" (ODbL 1.0) or
 * "Natural Earth" (public domain) here.
 */

export type DataAttribution = { id: string; text: string; licence: string; url?: string };

export const DATA_ATTRIBUTIONS: DataAttribution[] = [
  {
    id: 'policy-figures',
    text:
      'Enrolment, hostel, pipeline, conversion, land-sale, University Town and youth-hostel figures: HKSAR Government press releases, LegCo papers, Policy Address, UGC, universities and news reports as cited per value (geodata/SOURCES.md); estimates are marked in the app.',
    licence: 'facts from public publications, each cited with its URL',
  },
  {
    id: 'csd-2001-districts',
    text:
      'Land and district boundaries: Census and Statistics Department, 2001 Population Census ' +
      'District Council district map (via hupili/geohk); simplified. Land reclaimed after 2001 is missing.',
    licence: 'CSD original terms (not stated); redistributed by hupili/geohk "retain original license / fair use for research"',
    url: 'https://github.com/hupili/geohk',
  },
  {
    id: 'mtr-network',
    text:
      'MTR lines, stations and exits: Source: DATA.GOV.HK / MTR Corporation; station points: ' +
      'Lands Department (iGeoCom); compiled via open-data-hk/hk-bus-crawling. Line geometry is ' +
      'schematic; Northern Link station positions are approximate.',
    licence: 'DATA.GOV.HK Terms and Conditions of Use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
  },
  {
    id: 'light-rail-stops',
    text: 'Light Rail stops: Source: DATA.GOV.HK / MTR Corporation; compiled via open-data-hk/hk-bus-crawling.',
    licence: 'DATA.GOV.HK Terms and Conditions of Use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
  },
  {
    id: 'post-secondary-institutions',
    text:
      'Universities and post-secondary institutions: Source: DATA.GOV.HK / GeoData Store ' +
      '(Lands Department CSDI facility data, 2022), via funglkf/hk-geodata.',
    licence: 'DATA.GOV.HK / GeoData Store terms of use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
  },
  {
    id: 'licensed-hotels-guesthouses',
    text:
      'Licensed hotels and guesthouses: Source: DATA.GOV.HK / Office of the Licensing Authority ' +
      '(GeoData Store, 2022), via funglkf/hk-geodata.',
    licence: 'DATA.GOV.HK Terms and Conditions of Use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
  },
  {
    id: 'land-sale-records',
    text: 'Land sale records 2013/14–2021/22: Source: DATA.GOV.HK / Lands Department, via funglkf/hk-geodata.',
    licence: 'DATA.GOV.HK Terms and Conditions of Use',
    url: 'https://data.gov.hk/en/terms-and-conditions',
  },
  {
    id: 'ngau-tam-mei-reference',
    text:
      'Ngau Tam Mei reference points: derived from public-transport stops (DATA.GOV.HK); area figures ' +
      'from HKSAR Government pages (Legislative Council reply LCQ6, 7 May 2025; NTM planning site).',
    licence: 'facts from government publications',
    url: 'https://www.info.gov.hk/gia/general/202505/07/P2025050700504p.htm',
  },
  {
    id: 'font-noto-sans-cjk',
    text:
      'Map label font: Noto Sans CJK HK, © 2014–2021 Adobe; Noto is a trademark of Google Inc. ' +
      'Shipped as SDF glyphs (public/glyphs/, see OFL.txt there).',
    licence: 'SIL Open Font License 1.1',
    url: 'https://openfontlicense.org',
  },
];

/** One plain-text line per source ("text — Licence: …"). Render with textContent, not innerHTML. */
export function attributionHtmlSafeText(): string[] {
  return DATA_ATTRIBUTIONS.map((a) => `${a.text} — Licence: ${a.licence}${a.url ? ` (${a.url})` : ''}`);
}
