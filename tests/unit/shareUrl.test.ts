/**
 * Share links: a scenario survives the trip through the URL hash; damaged, cut-short or oversize
 * links are refused with a message; other hash keys are ignored.
 */
import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { MAX_SHARE_CHARS, scenarioFromHash, scenarioToHash, sharePayload, shareUrl } from '../../src/io/shareUrl.ts';
import { setParam } from '../../src/store/updaters.ts';
import { arbDrawnSite, data, drawnSite, scenarioWith } from './_helpers.ts';
import fc from 'fast-check';

describe('share links', () => {
  it('round trip: scenario → #s=… → the same scenario', () => {
    const s = setParam(scenarioWith((x) => { x.name = '<b>Shared</b> 共享'; x.drawnSites = [drawnSite()]; }), 'takeUpLocalUgPct', 42);
    const enc = scenarioToHash(s);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    expect(enc.hash).toMatch(/^#s=[A-Za-z0-9+\-$]+$/);
    const r = scenarioFromHash(enc.hash, data);
    expect(r?.ok && r.scenario).toEqual(s);
  });

  it('the default scenario makes a short link (well under the limit)', () => {
    const enc = scenarioToHash(defaultScenario());
    expect(enc.ok && enc.hash.length).toBeLessThan(4000);
  });

  it('builds a full URL, replacing any existing hash', () => {
    const r = shareUrl('https://example.org/app/#s=old', defaultScenario());
    expect(r.url?.startsWith('https://example.org/app/#s=')).toBe(true);
    expect(r.url).not.toContain('old');
  });

  it('no #s= → null (nothing to open); other keys are ignored', () => {
    expect(scenarioFromHash('', data)).toBeNull();
    expect(scenarioFromHash('#year=2030', data)).toBeNull();
    const enc = scenarioToHash(defaultScenario());
    if (!enc.ok) throw new Error('encode');
    expect(scenarioFromHash(`#year=2030&${enc.hash.slice(1)}`, data)?.ok).toBe(true);
  });

  it('a corrupted or cut-short link is refused as damaged', () => {
    const enc = scenarioToHash(defaultScenario());
    if (!enc.ok) throw new Error('encode');
    for (const bad of [enc.hash.slice(0, Math.floor(enc.hash.length / 2)), '#s=garbage!!', '#s=', enc.hash.replace(/[A-M]/g, 'Q')]) {
      const r = scenarioFromHash(bad, data);
      expect(r?.ok, bad.slice(0, 40)).toBe(false);
      if (r && !r.ok) expect(r.message).toMatch(/damaged|schema|must|unknown|missing|expected/i);
    }
  });

  it('a link carrying an invalid scenario is refused like a file', () => {
    const s = JSON.stringify({ ...defaultScenario(), params: { ...defaultScenario().params, quotaCapPct: -5 } });
    const r = scenarioFromHash('#s=' + LZString.compressToEncodedURIComponent(s), data);
    expect(r).toMatchObject({ ok: false, reason: 'Invalid', field: 'params.quotaCapPct' });
  });

  it('refuses to make or open a link over 100 kB', () => {
    // many drawn sites with detailed outlines: incompressible random coordinates
    const rnd = fc.sample(fc.array(arbDrawnSite(), { minLength: 400, maxLength: 400 }), { numRuns: 1, seed: 7 })[0];
    const big = scenarioWith((x) => {
      x.drawnSites = rnd.map((d, i) => {
        const [cx, cy] = d.polygon.coordinates[0][0];
        const ring = Array.from({ length: 60 }, (_, k) => [cx + Math.cos(k / 9.549) * 0.001 + ((i * 7919 + k * 104729) % 997) * 1e-9, cy + Math.sin(k / 9.549) * 0.001] as [number, number]);
        ring.push(ring[0]);
        return { ...d, id: `drawn:p${i}`, polygon: { type: 'Polygon' as const, coordinates: [ring] } };
      });
    });
    const enc = scenarioToHash(big);
    expect(enc.ok).toBe(false);
    if (!enc.ok) expect(enc.message).toMatch(/at most 100 kB/);
    const tooLong = '#s=' + 'A'.repeat(MAX_SHARE_CHARS + 1);
    expect(scenarioFromHash(tooLong, data)).toMatchObject({ ok: false, reason: 'TooLarge' });
  });

  it('undoes percent-escapes that chat apps add', () => {
    const enc = scenarioToHash(defaultScenario());
    if (!enc.ok) throw new Error('encode');
    expect(sharePayload(enc.hash.replace(/\$/g, '%24'))).toBe(enc.hash.slice(3));
  });
});
