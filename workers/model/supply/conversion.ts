import { readyYear } from '../years.ts';

/**
 * Beds from a converted hotel: rooms × beds per room.
 * @example conversionBeds(695, 2.05) // 1,424.75 (Pentahotel → Yuet Sun House had 1,424)
 */
export function conversionBeds(rooms: number, bedsPerRoom: number): number {
  return rooms > 0 && bedsPerRoom > 0 ? rooms * bedsPerRoom : 0;
}

/**
 * Months from approval to beds in use: the works period, plus the planning months the
 * Hostels in the City facilitation saves when the facilitation is switched off.
 * @example conversionLeadMonths(18, false, 7.5) // 25.5
 */
export function conversionLeadMonths(worksMonths: number, facilitation: boolean, savingMonths: number): number {
  return worksMonths + (facilitation ? 0 : savingMonths);
}

/**
 * Academic year a conversion approved in `decisionYear` is in use.
 * @example conversionOpenYear(2025, 18) // 2027 (2027/28)
 */
export function conversionOpenYear(decisionYear: number, leadMonths: number): number {
  return readyYear(decisionYear, leadMonths);
}

/**
 * Cumulative share of eligible rooms converted `n` years after the first wave when a share `f`
 * of the remaining rooms converts each year: 1 − (1 − f)^n.
 * @example furtherConvertedShare(0.1, 2) // 1 − 0.9² = 0.19
 */
export function furtherConvertedShare(f: number, n: number): number {
  return n <= 0 ? 0 : 1 - Math.pow(1 - f, n);
}
