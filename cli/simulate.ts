/**
 * npm run simulate -- [--scenario FILE] [--draws N] [--seed S] [--format table|json|csv] [--out FILE]
 *
 * Runs the model on a scenario file (default: the "Policy baseline") and prints sector results.
 * Monte Carlo draws run in a pool of worker threads, one per core. Bad input gets one line naming
 * the field and exit code 2.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadModelData } from '../workers/model/data/loadNode.ts';
import { defaultScenario } from '../workers/model/scenario/defaultScenario.ts';
import { parseScenarioText } from '../workers/model/scenario/validate.ts';
import { compile } from '../workers/model/compile.ts';
import { runDeterministic } from '../workers/model/simulate.ts';
import { createNodePool } from '../workers/pool/nodePool.ts';
import type { Scenario } from '../workers/model/scenario/schema.ts';
import { toCsv, toTable } from './format.ts';

class UsageError extends Error {}

const USAGE = 'usage: npm run simulate -- [--scenario FILE] [--draws N] [--seed S] [--format table|json|csv] [--out FILE]';

function intFlag(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}")`);
  const v = Number(text);
  if (v < min || v > max) throw new UsageError(`--${name} must be from ${min} to ${max} (got ${v})`);
  return v;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { scenario: { type: 'string' }, draws: { type: 'string' }, seed: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\n${USAGE}`);
  }
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const format = values.format!;
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv (got "${format}")`);
  const data = loadModelData();
  let scenario: Scenario = defaultScenario();
  if (values.scenario) {
    let text: string;
    try {
      const size = fs.statSync(values.scenario).size;
      if (size > 5 * 1024 * 1024) throw new UsageError(`scenario file ${values.scenario}: is ${(size / 1024 / 1024).toFixed(1)} MB; scenario files are at most 5 MB`);
      text = fs.readFileSync(values.scenario, 'utf8');
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`scenario file ${values.scenario}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const v = parseScenarioText(text, data);
    if (!v.ok) throw new UsageError(`scenario file ${values.scenario}: ${v.message}`);
    scenario = v.scenario;
  }
  const draws = intFlag('draws', values.draws, 0, 1_000_000) ?? scenario.params.monteCarloDraws;
  const seed = intFlag('seed', values.seed, 0, 2 ** 32 - 1) ?? scenario.seed;

  const m = compile(scenario, data);
  const results = runDeterministic(m, false);
  if (draws > 0) {
    const pool = createNodePool();
    try {
      results.percentiles = await pool.monteCarlo(scenario, seed, draws, results.years, {
        onProgress: (done, total) => { if (process.stderr.isTTY) process.stderr.write(`\rMonte Carlo ${done}/${total}`); },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
    } finally {
      pool.terminate();
    }
  }
  const text = format === 'json' ? JSON.stringify(results, null, 1) + '\n' : format === 'csv' ? toCsv(results) : toTable(results);
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
