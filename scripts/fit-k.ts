/**
 * Fits the partial-adjustment speed k for non-local UG at UGC-funded universities from the
 * published sector shares (geodata/model-data.json → sector.nonLocalUgSharePct) and the caps in
 * force, prints the fit and writes geodata/fit-k.json. The registry's FITTED_K must match
 * (a unit test checks it). Run: npm run fit
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadModelData } from '../workers/model/data/loadNode.ts';
import { fitK, quotaCap } from '../workers/model/demand/partialAdjustment.ts';
import { PARAM_BY_KEY, FITTED_K } from '../workers/model/params/registry.ts';
import { repoRoot } from './lib/sharedData.ts';

const data = loadModelData();
const years = Object.keys(data.sector.nonLocalUgSharePct).map(Number).sort();
const shares = years.map((y) => data.sector.nonLocalUgSharePct[String(y)].value / 100);
// Before 2024/25 the cap was 20% ("20%-out" from 2016/17); the registry holds the later caps.
const cap = PARAM_BY_KEY.quotaCapPct.default as number, raised = PARAM_BY_KEY.quotaCapRaisedPct.default as number, from = PARAM_BY_KEY.quotaCapRaisedFromYear.default as number;
const caps = years.map((y) => (y < 2024 ? 0.2 : quotaCap(y, cap, raised, from)));
const fit = fitK(shares, caps);
const out = {
  method: 'least squares over one-step transitions: k = Σ (s[t] − s[t−1]) (cap[t] − s[t−1]) ÷ Σ (cap[t] − s[t−1])²',
  years, shares, caps, k: fit.k,
  steps: fit.steps.map((s, i) => ({ from: years[i], to: years[i + 1], kStep: s.kStep, predictedShare: s.predicted, observedShare: s.observed, errorPctPoints: (s.predicted - s.observed) * 100 })),
};
fs.writeFileSync(path.join(repoRoot, 'geodata', 'fit-k.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`k = ${fit.k.toFixed(4)} (registry FITTED_K = ${FITTED_K})`);
for (const s of out.steps) console.log(`  ${s.from}/${String(s.to).slice(2)}: step k ${s.kStep.toFixed(4)}, predicted ${(s.predictedShare * 100).toFixed(2)}% vs observed ${(s.observedShare * 100).toFixed(2)}% (${s.errorPctPoints >= 0 ? '+' : ''}${s.errorPctPoints.toFixed(2)} pp)`);
if (Math.abs(fit.k - FITTED_K) > 5e-4) {
  console.error(`FITTED_K in workers/model/params/registry.ts is out of date: set it to ${fit.k.toFixed(4)}`);
  process.exit(1);
}
