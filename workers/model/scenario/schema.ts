/**
 * The scenario document: one versioned JSON object with every parameter, the Monte Carlo
 * distributions, per-site and per-institution edits, and sites drawn by the user.
 * Its schema is generated from the parameter registry, so a parameter is declared once.
 */
import { z } from 'zod';
import { PARAMS, PARAM_BY_KEY, type ParamKey, type Params, type Distribution } from '../params/registry.ts';
import { MIN_YEAR, MAX_YEAR } from '../years.ts';

export const SCENARIO_SCHEMA_ID = 'hostel-planner/scenario';
export const SCENARIO_VERSION = 1;
/** Scenario files larger than this are refused before parsing. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

const year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);
const finite = z.number().finite();

function paramSchema(key: ParamKey) {
  const p = PARAM_BY_KEY[key];
  if (p.type === 'boolean') return z.boolean();
  let s = finite.min(p.min).max(p.max);
  if (p.type !== 'number') s = s.int();
  return s;
}

export const paramsSchema = z.strictObject(Object.fromEntries(PARAMS.map((p) => [p.key, paramSchema(p.key)])) as unknown as Record<ParamKey, z.ZodType>);

const distributionSchema = z.strictObject({ dist: z.enum(['triangular', 'pert']), min: finite, mode: finite, max: finite })
  .refine((d) => d.min <= d.mode && d.mode <= d.max, { message: 'needs min ≤ mode ≤ max' });

const uncertaintyKeys = PARAMS.filter((p) => p.type !== 'boolean').map((p) => p.key);
export const uncertaintySchema = z.strictObject(Object.fromEntries(uncertaintyKeys.map((k) => [k, distributionSchema.optional()])) as Record<string, z.ZodType>);

const nameSchema = z.string().trim().min(1).max(120);
const institutionCode = z.string().regex(/^[A-Za-z]{2,8}$/);

export const siteEditSchema = z.strictObject({
  included: z.boolean().optional(),
  beds: finite.min(0).max(100_000).optional(),
  rooms: finite.min(0).max(10_000).optional(),
  bedsPerRoom: finite.min(0.1).max(10).optional(),
  openYear: year.optional(),
  closeYear: year.nullable().optional(),
  areaM2: finite.positive().max(10_000_000).optional(),
  plotRatio: finite.positive().max(30).optional(),
  availableYear: year.optional(),
  owner: institutionCode.nullable().optional(),
});
export type SiteEdit = z.infer<typeof siteEditSchema>;

const ringSchema = z.array(z.tuple([finite.min(113.5).max(114.8), finite.min(22.0).max(22.8)])).min(4).max(5000);
export const drawnSiteSchema = z.strictObject({
  id: z.string().regex(/^drawn:[a-z0-9-]{1,40}$/),
  name: nameSchema,
  polygon: z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1).max(20) }),
  plotRatio: finite.positive().max(30),
  hostelSharePct: finite.min(0).max(100),
  gfaPerBedM2: finite.min(5).max(100),
  tenderYear: year,
  owner: institutionCode.nullable(),
  included: z.boolean(),
});
export type DrawnSite = z.infer<typeof drawnSiteSchema>;

export const institutionEditSchema = z.strictObject({
  localUg: finite.min(0).max(500_000).optional(),
  nonLocalUgBase: finite.min(0).max(500_000).optional(),
  rpgLocal: finite.min(0).max(100_000).optional(),
  rpgNonLocal: finite.min(0).max(100_000).optional(),
  otherNonLocal: finite.min(0).max(1_000_000).optional(),
  otherLocal: finite.min(0).max(1_000_000).optional(),
});
export type InstitutionEdit = z.infer<typeof institutionEditSchema>;

export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_ID),
  schemaVersion: z.literal(SCENARIO_VERSION),
  name: nameSchema,
  description: z.string().max(4000).default(''),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  params: paramsSchema,
  uncertainty: uncertaintySchema,
  sites: z.record(z.string().regex(/^[a-z0-9][a-z0-9:._-]*$/), siteEditSchema),
  drawnSites: z.array(drawnSiteSchema).max(500),
  institutions: z.record(institutionCode, institutionEditSchema),
}).superRefine((s, ctx) => {
  const p = s.params as Params;
  if (p.horizonYear <= p.baseYear) ctx.addIssue({ code: 'custom', path: ['params', 'horizonYear'], message: `must be after baseYear (${p.baseYear})` });
  for (const [k, d] of Object.entries(s.uncertainty) as [ParamKey, Distribution | undefined][]) {
    if (!d) continue;
    const spec = PARAM_BY_KEY[k];
    if (spec.type !== 'boolean' && (d.min < spec.min || d.max > spec.max)) {
      ctx.addIssue({ code: 'custom', path: ['uncertainty', k], message: `must stay within ${spec.min}–${spec.max} ${spec.unit}` });
    }
  }
  const ids = new Set<string>();
  s.drawnSites.forEach((d, i) => {
    if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: ['drawnSites', i, 'id'], message: `duplicates "${d.id}"` });
    ids.add(d.id);
  });
});

export type Scenario = Omit<z.infer<typeof scenarioSchema>, 'params' | 'uncertainty'> & {
  params: Params;
  uncertainty: Partial<Record<ParamKey, Distribution>>;
};
