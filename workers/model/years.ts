/**
 * Academic years are carried as their start year everywhere in the model:
 * 2025 means the academic year 2025/26 (September 2025 to August 2026).
 * This is the one place that turns such a year into text.
 */
export type AcademicYear = number;

/** Earliest and latest academic years the scenario accepts (start years). */
export const MIN_YEAR = 2024;
export const MAX_YEAR = 2060;

/**
 * Formats an academic start year as "2025/26".
 * @param year start year, e.g. 2025
 * @param locale 'en' or 'zh-HK' (both use the same digits; zh-HK adds 學年 when `long`)
 * @example formatAcademicYear(2025) // "2025/26"
 */
export function formatAcademicYear(year: AcademicYear, locale: 'en' | 'zh-HK' = 'en', long = false): string {
  const next = (year + 1) % 100;
  const text = `${year}/${next.toString().padStart(2, '0')}`;
  if (!long) return text;
  return locale === 'zh-HK' ? `${text}學年` : `academic year ${text}`;
}

/** Parses "2025/26", "2025-26" or "2025" to the start year; returns null when it is not one. */
export function parseAcademicYear(text: string): AcademicYear | null {
  const m = /^\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = Number(m[2]);
    const expected = m[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== expected) return null;
  }
  return start;
}

/** The list of start years from `first` to `last` inclusive. */
export function yearRange(first: AcademicYear, last: AcademicYear): AcademicYear[] {
  const out: AcademicYear[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/**
 * The first academic year in which something started in academic year `startYear`
 * and taking `months` is ready for students: ceil(months / 12) years later.
 * Convention: works that start during academic year T and take 18 months are ready for T + 2.
 * @example readyYear(2026, 48) // 2030 (2030/31)
 */
export function readyYear(startYear: AcademicYear, months: number): AcademicYear {
  return startYear + Math.max(0, Math.ceil(months / 12 - 1e-9));
}
