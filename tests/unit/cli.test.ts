import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';

const root = path.resolve(__dirname, '../..');
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/simulate.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = (name: string, text: string) => { const f = path.join(os.tmpdir(), `hp-cli-${process.pid}-${name}`); fs.writeFileSync(f, text); return f; };

describe('npm run simulate', () => {
  it('prints the documented JSON shape for the default scenario, with percentiles when draws > 0', () => {
    const r = cli(['--format', 'json', '--draws', '200', '--seed', '3']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.years[0]).toBe(2025);
    const Y = j.years.length;
    for (const a of [j.sector.demand.entitlement, j.sector.demand.market, j.sector.supply.total, j.sector.gap.entitlement, j.sector.gap.market]) expect(a).toHaveLength(Y);
    expect(Object.keys(j.sector.supply.bySource).sort()).toEqual(['conversion', 'existing', 'landSale', 'pipeline', 'universityTown', 'youthHostel']);
    for (const code of ['HKU', 'CUHK', 'HKUST', 'PolyU', 'CityU', 'HKBU', 'LingnanU', 'EdUHK']) {
      expect(j.institutions[code].gap.market).toHaveLength(Y);
      expect(j.institutions[code].supply.total).toHaveLength(Y);
    }
    expect(j.percentiles.draws).toBe(200);
    expect(j.percentiles.gap.market.p10).toHaveLength(Y);
    expect(j.percentiles.gap.entitlement.p90).toHaveLength(Y);
  }, 180_000);

  it('reads a scenario file and writes CSV to --out', () => {
    const s = defaultScenario();
    s.params.horizonYear = 2030;
    const out = path.join(os.tmpdir(), `hp-cli-${process.pid}.csv`);
    const r = cli(['--scenario', tmp('ok.json', JSON.stringify(s)), '--draws', '0', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^year_start,academic_year,demand_entitlement/);
    expect(lines).toHaveLength(1 + 6); // 2025/26 … 2030/31
    expect(lines[1]).toMatch(/^2025,2025\/26,/);
  }, 120_000);

  it.each([
    ['an unknown flag', ['--bogus'], /Unknown option '--bogus'/],
    ['a bad format', ['--format', 'xml'], /--format must be table, json or csv/],
    ['a non-numeric seed', ['--seed', 'abc'], /--seed must be a whole number/],
    ['a missing file', ['--scenario', '/nonexistent/x.json'], /cannot be read \(ENOENT\)/],
    ['a file that is not JSON', ['--scenario', tmp('notjson.json', '{"schema": ')], /is not valid JSON/],
    ['a scenario with a missing field', ['--scenario', tmp('missing.json', JSON.stringify({ ...defaultScenario(), params: { ...defaultScenario().params, bedsPerRoom: undefined } }))], /params\.bedsPerRoom: is missing/],
    ['a scenario with a negative drawn-site plot ratio', ['--scenario', tmp('neg.json', JSON.stringify({ ...defaultScenario(), drawnSites: [{ id: 'drawn:a', name: 'x', polygon: { type: 'Polygon', coordinates: [[[114.1, 22.3], [114.11, 22.3], [114.11, 22.31], [114.1, 22.3]]] }, plotRatio: -1, hostelSharePct: 100, gfaPerBedM2: 16.9, tenderYear: 2026, owner: null, included: true }] }))], /drawnSites\[0\]\.plotRatio/],
  ])('refuses %s with one line naming it and exit code 2', (_name, args, message) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);
});
