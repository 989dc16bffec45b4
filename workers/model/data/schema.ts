/**
 * The shape of the real data the model stands on (files in geodata/, built by scripts/build-data.ts),
 * as zod schemas. Every number that came from a source or from an estimate carries that
 * provenance with it: `{ value, estimated, source }`.
 */
import { z } from 'zod';

/** A number with where it came from. `estimated` is true when a documented rule made it, not a source. */
export const sourcedSchema = z.object({
  value: z.number().finite(),
  estimated: z.boolean(),
  source: z.string().min(1),
});
export type Sourced = z.infer<typeof sourcedSchema>;

export const SOURCE_KEYS = ['existing', 'pipeline', 'conversion', 'landSale', 'universityTown', 'youthHostel'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

const lonSchema = z.number().min(113.8).max(114.5);
const latSchema = z.number().min(22.1).max(22.6);

export const campusSchema = z.object({ lon: lonSchema, lat: latSchema, label: z.string() });

export const institutionSchema = z.object({
  code: z.string().regex(/^[A-Za-z]{2,8}$/),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  funding: z.enum(['UGC', 'self-financing', 'other']),
  campuses: z.array(campusSchema),
  district: z.string().nullable(),
  /** Local undergraduates on UGC-funded places (headcount, all years of study). */
  localUg: sourcedSchema,
  /** Non-local UG on UGC-funded programmes by observed year (headcount). Keys are start years. */
  nonLocalUgObserved: z.record(z.string().regex(/^\d{4}$/), sourcedSchema),
  rpgLocal: sourcedSchema,
  rpgNonLocal: sourcedSchema,
  /** Non-local students outside UGC-funded UG and RPg: self-financed taught PG, self-financing programmes (2024/25). */
  otherNonLocal: sourcedSchema,
  /** Local students counted in the market lens outside UGC-funded UG (self-financing institutions only). */
  otherLocal: sourcedSchema,
});
export type Institution = z.infer<typeof institutionSchema>;

export const siteKindSchema = z.enum(['fixed', 'hotel', 'guesthouse', 'landSale', 'uniTown']);
export type SiteKind = z.infer<typeof siteKindSchema>;

const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).min(4)).min(1),
});
export type PolygonGeometry = z.infer<typeof polygonSchema>;

export const siteSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9:._-]*$/),
  source: z.enum(SOURCE_KEYS),
  kind: siteKindSchema,
  nameEn: z.string().min(1),
  nameZh: z.string(),
  /** Institution code that owns the beds, or null for open-market beds shared by the gravity rule. */
  owner: z.string().nullable(),
  lon: lonSchema.nullable(),
  lat: latSchema.nullable(),
  /** Set when the point is an approximation; says how it was placed. */
  locationNote: z.string().nullable(),
  district: z.string().nullable(),
  status: z.enum(['operating', 'under construction', 'planned', 'candidate', 'applied', 'converted']),
  /** Beds of a fixed site (existing, pipeline, youth hostels). */
  beds: sourcedSchema.nullable(),
  /** First academic year the beds are in use (fixed sites). */
  openYear: sourcedSchema.nullable(),
  /** Hotel or guesthouse rooms (conversion candidates). */
  rooms: sourcedSchema.nullable(),
  /** Land-sale and University Town sites. */
  areaM2: sourcedSchema.nullable(),
  plotRatio: sourcedSchema.nullable(),
  maxGfaM2: sourcedSchema.nullable(),
  /** University Town: first year the land is available; land sale: tender year. */
  availableYear: sourcedSchema.nullable(),
  polygon: polygonSchema.nullable(),
  note: z.string(),
});
export type SiteRecord = z.infer<typeof siteSchema>;

export const districtSchema = z.object({
  code: z.string().regex(/^[A-T]$/),
  nameEn: z.string(),
  nameZh: z.string(),
  /** MultiPolygon coordinates (WGS84), simplified for point-in-polygon and the choropleth. */
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()])))) }),
});
export type District = z.infer<typeof districtSchema>;

export const sectorSchema = z.object({
  /** Published sector non-local UG share of local places, by start year (percent). */
  nonLocalUgSharePct: z.record(z.string(), sourcedSchema),
  nonLocalUgHeadcount: z.record(z.string(), sourcedSchema),
  /** Published UGC-sector hostel places by start year. */
  ugcHostelPlaces: z.record(z.string(), sourcedSchema),
  /** All post-secondary non-local students (EDB series). */
  allPostSecondaryNonLocal: z.record(z.string(), sourcedSchema),
  hitcAppliedBeds: sourcedSchema,
  landSaleTotalBeds: sourcedSchema,
  ntmHostelBeds: sourcedSchema,
  hkHotelRooms: sourcedSchema,
  ugcRpgPlaces: sourcedSchema,
  /** The published shortfall estimates, for context beside the model's figures. */
  shortfallEstimates: z.array(z.object({
    estimator: z.string(), scope: z.string(), measure: z.string(), year: z.number().int(),
    beds: z.number(), qualifier: z.string(), sourceUrl: z.string(), confidence: z.string(),
  })),
});
export type Sector = z.infer<typeof sectorSchema>;

export const modelDataSchema = z.object({
  schema: z.literal('hostel-planner/data'),
  version: z.literal(1),
  builtFrom: z.string(),
  institutions: z.array(institutionSchema).min(1),
  sites: z.array(siteSchema).min(1),
  districts: z.array(districtSchema).length(18),
  sector: sectorSchema,
});
export type ModelData = z.infer<typeof modelDataSchema>;

/** Thrown when a data file does not match its schema; the message names the file and the field. */
export class DataValidationError extends Error {
  constructor(public readonly file: string, public readonly field: string, detail: string) {
    super(`${file}: field "${field}" ${detail}`);
    this.name = 'DataValidationError';
  }
}

function pathText(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';
}

/**
 * Validates loaded model data, failing loudly with the file and field of the first problem,
 * and checks cross-references (site owners and district codes must exist, ids unique).
 */
export function validateModelData(raw: unknown, file = 'geodata/model-data.json'): ModelData {
  const parsed = modelDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataValidationError(file, pathText(issue.path), issue.message);
  }
  const data = parsed.data;
  const codes = new Set(data.institutions.map((i) => i.code));
  const districts = new Set(data.districts.map((d) => d.code));
  const ids = new Set<string>();
  data.sites.forEach((s, i) => {
    if (ids.has(s.id)) throw new DataValidationError(file, `sites[${i}].id`, `duplicates "${s.id}"`);
    ids.add(s.id);
    if (s.owner !== null && !codes.has(s.owner)) throw new DataValidationError(file, `sites[${i}].owner`, `names unknown institution "${s.owner}"`);
    if (s.district !== null && !districts.has(s.district)) throw new DataValidationError(file, `sites[${i}].district`, `names unknown district "${s.district}"`);
    if ((s.lon === null) !== (s.lat === null)) throw new DataValidationError(file, `sites[${i}].lon`, 'and lat must both be set or both be null');
  });
  data.institutions.forEach((inst, i) => {
    if (inst.district !== null && !districts.has(inst.district)) throw new DataValidationError(file, `institutions[${i}].district`, `names unknown district "${inst.district}"`);
  });
  return data;
}
