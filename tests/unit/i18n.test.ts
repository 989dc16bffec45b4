/**
 * Both languages are complete: the same keys in English and Traditional Chinese (Hong Kong), no
 * empty strings, the same {placeholders}, no English words left in zh-HK text (only the technical
 * tokens below), and every registry parameter and group labelled in both languages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS, translate, type StringKey } from '../../src/i18n/strings.ts';
import { GROUPS, PARAMS } from '../../workers/model/params/registry.ts';

/** ASCII words allowed in zh-HK text (shared with the browser test that walks the page). */
const ALLOWED_TOKENS = new Set<string>(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/i18n-allowed-tokens.json'), 'utf8')).tokens);

const zh = STRINGS['zh-HK'];
const en = STRINGS.en;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** ASCII letter runs in a string once placeholders are removed, minus the allowed tokens. */
function englishWords(text: string): string[] {
  return (text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !ALLOWED_TOKENS.has(w));
}

describe('strings', () => {
  it('English and Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('no string is empty', () => {
    const empty = (['en', 'zh-HK'] as const).flatMap((l) => Object.entries(STRINGS[l]).filter(([, v]) => !v.trim()).map(([k]) => `${l}.${k}`));
    expect(empty).toEqual([]);
  });

  it('both languages use the same {placeholders}', () => {
    const bad = (Object.keys(en) as StringKey[]).filter((k) => placeholders(en[k]).join() !== placeholders(zh[k]).join());
    expect(bad).toEqual([]);
  });

  it('zh-HK text has no English words except the allowed technical tokens', () => {
    const bad = (Object.keys(zh) as StringKey[]).filter((k) => k !== 'langEnglish').map((k) => [k, englishWords(zh[k])] as const).filter(([, w]) => w.length).map(([k, w]) => `${k}: ${w.join(' ')}`);
    expect(bad).toEqual([]);
  });

  it('zh-HK text is written in Chinese (a CJK character in every string that has letters)', () => {
    const bare = (k: StringKey) => zh[k].replace(/\{\w+\}/g, '');
    const bad = (Object.keys(zh) as StringKey[]).filter((k) => /[A-Za-z]{2}/.test(bare(k)) && !/[\u3400-\u9fff]/.test(bare(k)) && k !== 'langEnglish');
    expect(bad).toEqual([]);
  });

  it('translate fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'gapInYear', { year: '2030/31' })).toBe('Beds short in 2030/31');
    expect(translate('zh-HK', 'gapInYear', {})).toContain('{year}');
  });
});

describe('registry labels', () => {
  it('every parameter and group has a zh-HK label in Chinese with no stray English', () => {
    const bad: string[] = [];
    for (const p of [...PARAMS, ...GROUPS]) {
      const key = 'key' in p ? p.key : '?';
      const label = p.label['zh-HK'];
      if (!label?.trim() || !/[\u3400-\u9fff]/.test(label)) bad.push(`${key}: no Chinese label`);
      else if (englishWords(label).length) bad.push(`${key}: ${englishWords(label).join(' ')}`);
      if (!p.label.en?.trim()) bad.push(`${key}: no English label`);
    }
    expect(bad).toEqual([]);
  });
});
