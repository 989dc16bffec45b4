/**
 * Share links: the scenario as compact JSON, compressed with lz-string into the URL hash
 * (`#s=…`), and back through the same migration and validation as a file.
 */
import LZString from 'lz-string';
import type { Scenario } from '../../workers/model/scenario/schema.ts';
import type { ModelData } from '../../workers/model/data/schema.ts';
import { importScenarioText, type ImportResult } from './scenarioFile.ts';

/** The hash key: `#s=<compressed scenario>`. */
export const SHARE_KEY = 's';
/** Longest compressed scenario a link may carry, characters (browsers and chat apps cut longer URLs). */
export const MAX_SHARE_CHARS = 100_000;

export type ShareEncodeResult = { ok: true; hash: string } | { ok: false; reason: 'TooLarge'; message: string };

/**
 * The hash for a scenario, or a refusal when it would be longer than MAX_SHARE_CHARS.
 * @example scenarioToHash(defaultScenario()) // { ok: true, hash: '#s=N4Ig…' }
 */
export function scenarioToHash(s: Scenario): ShareEncodeResult {
  const packed = LZString.compressToEncodedURIComponent(JSON.stringify(s));
  if (packed.length > MAX_SHARE_CHARS) {
    return { ok: false, reason: 'TooLarge', message: `this scenario needs a link of ${Math.round(packed.length / 1000)} kB; links hold at most ${MAX_SHARE_CHARS / 1000} kB. Export a file instead.` };
  }
  return { ok: true, hash: `#${SHARE_KEY}=${packed}` };
}

/** A full share URL: `base` without its hash, plus the scenario hash. */
export function shareUrl(base: string, s: Scenario): ShareEncodeResult & { url?: string } {
  const r = scenarioToHash(s);
  return r.ok ? { ...r, url: base.replace(/#.*$/, '') + r.hash } : r;
}

/**
 * The compressed payload in a hash like `#s=…` (other hash keys are ignored), or null.
 * Read with a regex, not URLSearchParams, which would turn the encoding's "+" into spaces; percent
 * escapes some chat apps add ("%24" for "$") are undone.
 */
export function sharePayload(hash: string): string | null {
  const m = new RegExp(`(?:^#?|&)${SHARE_KEY}=([^&]*)`).exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/**
 * The scenario in a share hash, validated like a file; null when the hash carries none.
 * @param hash `location.hash`
 */
export function scenarioFromHash(hash: string, data?: ModelData): ImportResult | null {
  const payload = sharePayload(hash);
  if (payload === null) return null;
  if (payload.length > MAX_SHARE_CHARS) return { ok: false, reason: 'TooLarge', message: `the link is ${Math.round(payload.length / 1000)} kB; links hold at most ${MAX_SHARE_CHARS / 1000} kB` };
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, reason: 'NotJson', message: 'the link is damaged (it may have been cut short when copied); ask for it again' };
  const r = importScenarioText(text, data);
  if (!r.ok && r.reason === 'NotJson') return { ...r, message: `the link is damaged (it may have been cut short when copied): ${r.message}` };
  return r;
}
