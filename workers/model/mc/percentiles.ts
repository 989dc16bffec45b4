/**
 * Percentile of sorted values by linear interpolation between closest ranks (the "R-7" rule that
 * spreadsheets use): position p × (n − 1).
 * @example percentileSorted(Float64Array.from([1, 2, 3, 4]), 0.5) // 2.5
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * P10, P50 and P90 of each column of a draws × columns matrix stored row by row.
 * @returns three Float64Arrays of length `columns`
 */
export function columnPercentiles(values: Float64Array, draws: number, columns: number, ps: readonly number[] = [0.1, 0.5, 0.9]): Float64Array[] {
  const out = ps.map(() => new Float64Array(columns));
  const col = new Float64Array(draws);
  for (let c = 0; c < columns; c++) {
    for (let d = 0; d < draws; d++) col[d] = values[d * columns + c];
    col.sort();
    ps.forEach((p, i) => (out[i][c] = percentileSorted(col, p)));
  }
  return out;
}
