/**
 * The benchmark's yardstick: a tight loop of multiply-adds over Float64Arrays, the best case for the
 * kind of arithmetic the model's inner loops do. Model throughput is reported as a ratio to it.
 */
const LEN = 4096;
const a = new Float64Array(LEN).map((_, i) => 1 + (i % 7) * 1e-3);
const b = new Float64Array(LEN).map((_, i) => 1 - (i % 5) * 1e-3);
const acc = new Float64Array(LEN);

/** Does exactly `n` multiply-adds (acc[j] += a[j] × b[j]); returns a checksum so the work is not optimised away. */
export function multiplyAdds(n: number): number {
  let left = n;
  while (left > 0) {
    const m = Math.min(LEN, left);
    for (let j = 0; j < m; j++) acc[j] += a[j] * b[j];
    left -= m;
  }
  return acc[0] + acc[LEN - 1];
}
