/**
 * The start-up milestone "the map has settled": its first full render (basemap, sites and the
 * first run's results drawn), or the map could not start at all. Work that the planner does not
 * need before the map waits for it, because on a two-core laptop everything competes with the
 * map's first render for the same cores (measured in the benchmark's same-run comparisons):
 *
 *  - the scenario and result panels mount after it (their first mount holds the main thread
 *    0.3–0.9 s, right when the first run's sites go to the map);
 *  - Monte Carlo starts after it.
 *
 * Every waiter also has a deadline, so a map that is slow or broken never withholds the controls.
 */
import { useEffect, useState } from 'react';

let settled = false;
const listeners = new Set<() => void>();

/** Called by the map on its first full render, or when it cannot start. Idempotent. */
export function markMapSettled(): void {
  if (settled) return;
  settled = true;
  for (const l of [...listeners]) l();
  listeners.clear();
}

/** Resolves when the map has settled or after `deadlineMs`, whichever is first. */
export function whenMapSettled(deadlineMs: number): Promise<void> {
  if (settled) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listeners.delete(done);
      resolve();
    };
    const timer = setTimeout(done, deadlineMs);
    listeners.add(done);
  });
}

/** React: false until the map has settled or `deadlineMs` after the first render of the caller. */
export function useMapSettled(deadlineMs: number): boolean {
  const [ok, setOk] = useState(settled);
  useEffect(() => {
    if (ok) return;
    let live = true;
    void whenMapSettled(deadlineMs).then(() => { if (live) setOk(true); });
    return () => { live = false; };
  }, [ok, deadlineMs]);
  return ok;
}

/** Tests only: back to the state at page load. */
export function resetMapSettledForTests(): void {
  settled = false;
  listeners.clear();
}
