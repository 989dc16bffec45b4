/**
 * A translated sentence as parts, so that values filled into it which are data (a user's scenario
 * name, a value or column name read from a file) can be rendered apart from the words — marked as
 * data (data-i18n-exempt) and never parsed as markup.
 */
import { STRINGS, type Lang, type StringKey } from '../i18n/strings.ts';

export interface TextPart {
  text: string;
  /** Set when the part came from a {placeholder}: its name. */
  name?: string;
  /** True when the placeholder's value is data, not language. */
  data?: boolean;
}

/**
 * @param dataVars names of the placeholders whose values are data
 * @example translateParts('en', 'smImported', { name: 'A' }, ['name']) // [{text:'Opened “'}, {text:'A', name:'name', data:true}, {text:'” from the file.'}]
 */
export function translateParts(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}, dataVars: readonly string[] = []): TextPart[] {
  const out: TextPart[] = [];
  const template = STRINGS[lang][key];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index! > last) out.push({ text: template.slice(last, m.index) });
    const name = m[1];
    out.push({ text: name in vars ? String(vars[name]) : m[0], name, data: dataVars.includes(name) });
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}
