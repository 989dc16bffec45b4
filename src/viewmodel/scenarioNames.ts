/**
 * Scenario names as shown: the default scenario's built-in English name ("Policy baseline", and
 * the numbered copies the library makes of it) is shown in the user's language; every other name
 * is the user's own text, shown as written.
 */
import { translate, type Lang } from '../i18n/strings.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';

const BUILT_IN = defaultScenario().name;

export function scenarioDisplayName(name: string, lang: Lang): string {
  if (name === BUILT_IN) return translate(lang, 'smBaselineName');
  const m = /^(.*) \((\d+)\)$/.exec(name);
  if (m && m[1] === BUILT_IN) return `${translate(lang, 'smBaselineName')} (${m[2]})`;
  return name;
}
