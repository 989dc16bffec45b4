/** Median and timing helpers for benchmarks (wall clock via performance.now()). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Times `fn` `reps` times after `warm` warm-up calls; returns per-call milliseconds. */
export function timeMany(fn: () => unknown, reps: number, warm = 3): number[] {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Times `inner` calls of `fn` per sample (for functions too fast to time one by one); returns ms per call. */
export function timeBatched(fn: () => unknown, inner: number, samples: number): number[] {
  for (let i = 0; i < inner; i++) fn();
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = performance.now();
    for (let i = 0; i < inner; i++) fn();
    out.push((performance.now() - t) / inner);
  }
  return out;
}
