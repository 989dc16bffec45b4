/**
 * "Policy baseline": every parameter at its registry default (the published figure, or the labelled
 * estimate where none exists), no site edits and no drawn sites.
 */
import { defaultParams, defaultUncertainty } from '../params/registry.ts';
import { SCENARIO_SCHEMA_ID, SCENARIO_VERSION, type Scenario } from './schema.ts';

export const DEFAULT_SEED = 20250917; // the date of the 2025 Policy Address, as a memorable seed

export function defaultScenario(): Scenario {
  return {
    schema: SCENARIO_SCHEMA_ID,
    schemaVersion: SCENARIO_VERSION,
    name: 'Policy baseline',
    description: 'Published figures and policies as of February 2026; estimates are labelled in the parameter list.',
    seed: DEFAULT_SEED,
    params: defaultParams(),
    uncertainty: defaultUncertainty(),
    sites: {},
    drawnSites: [],
    institutions: {},
  };
}
