/**
 * GIS import problems as text in the user's language (pure; unit-tested). The importer reports
 * codes and values; the words live in strings.ts.
 */
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';
import { formatAcademicYear } from '../../workers/model/years.ts';
import type { GisFatalCode, GisIssue, GisIssueCode, GisPreview } from '../io/gisImport.ts';
import { translateParts, type TextPart } from './textParts.ts';

/** Placeholders whose values come from the file (values, column names, the list of kinds): data, not language. */
const DATA_VARS = ['value', 'field', 'allowed', 'columns'];

export const ISSUE_KEYS: Record<GisIssueCode, StringKey> = {
  missing: 'gisIssueMissing', notNumber: 'gisIssueNotNumber', range: 'gisIssueRange', outsideHk: 'gisIssueOutsideHk',
  swapped: 'gisIssueSwapped', geometry: 'gisIssueGeometry', needArea: 'gisIssueNeedArea', polygonCrosses: 'gisIssuePolygonCrosses',
  polygonTooFew: 'gisIssuePolygonTooFew', polygonTooMany: 'gisIssuePolygonTooMany', polygonEmpty: 'gisIssuePolygonEmpty',
  owner: 'gisIssueOwner', year: 'gisIssueYear', tooEarly: 'gisIssueTooEarly', kind: 'gisIssueKind', beds: 'gisIssueBeds',
  nameControl: 'gisIssueNameControl', nameLong: 'gisIssueNameLong', csvRow: 'gisIssueCsvRow', invalid: 'gisIssueInvalid',
  noName: 'gisIssueNoName', multiPart: 'gisIssueMultiPart', areaDiffers: 'gisIssueAreaDiffers', kindConverted: 'gisIssueKindConverted',
  notUtf8: 'gisIssueNotUtf8',
};

export const FATAL_KEYS: Record<GisFatalCode, StringKey> = {
  tooLarge: 'gisFatalTooLarge', tooMany: 'gisFatalTooMany', notGeoJson: 'gisFatalNotGeoJson', notCsv: 'gisFatalNotCsv',
  noRows: 'gisFatalNoRows', unknownCrs: 'gisFatalUnknownCrs', noCoordinates: 'gisFatalNoCoordinates', noGeometryColumns: 'gisFatalNoGeometryColumns',
};

const crsName = (lang: Lang, crs: unknown) => translate(lang, crs === 'HK1980' ? 'gisCrsHk1980' : 'gisCrsWgs84');

function issueVars(lang: Lang, issue: GisIssue): Record<string, string | number> {
  const v: Record<string, string | number> = { ...issue.vars, field: issue.field };
  if (issue.code === 'tooEarly') for (const k of ['value', 'min', 'max']) v[k] = formatAcademicYear(Number(issue.vars[k]));
  if ('crs' in issue.vars) v.crs = crsName(lang, issue.vars.crs);
  return v;
}

/** The sentence for one row problem. */
export function issueText(lang: Lang, issue: GisIssue): string {
  return translate(lang, ISSUE_KEYS[issue.code], issueVars(lang, issue));
}

/** The same sentence as parts, the file's own values marked as data (for the screen). */
export function issueParts(lang: Lang, issue: GisIssue): TextPart[] {
  // a year the app formatted is language, not file data
  const data = issue.code === 'tooEarly' ? DATA_VARS.filter((k) => k !== 'value') : DATA_VARS;
  return translateParts(lang, ISSUE_KEYS[issue.code], issueVars(lang, issue), data);
}

/** The sentence for a problem with the whole file. */
export function fatalText(lang: Lang, fatal: NonNullable<GisPreview['fatal']>): string {
  return translate(lang, FATAL_KEYS[fatal.code], fatal.vars);
}

export function fatalParts(lang: Lang, fatal: NonNullable<GisPreview['fatal']>): TextPart[] {
  return translateParts(lang, FATAL_KEYS[fatal.code], fatal.vars, DATA_VARS);
}

/** "9 rows read (CSV, WGS84): 4 can be added, 5 have errors." */
export function previewSummary(lang: Lang, p: GisPreview): string {
  const badRows = new Set(p.errors.map((e) => e.row)).size;
  return translate(lang, 'gisSummary', {
    n: p.total, format: p.format === 'csv' ? 'CSV' : 'GeoJSON', crs: crsName(lang, p.crs), ok: p.candidates.length, bad: badRows,
  });
}
