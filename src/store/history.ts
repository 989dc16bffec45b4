/**
 * Undo/redo over scenario snapshots, as pure functions of an immutable History value. A change
 * records the snapshot from before it; rapid changes of the same thing (a slider being dragged,
 * a name being typed) within COALESCE_MS of each other become one step. At most HISTORY_LIMIT
 * steps are kept.
 */
import type { Scenario } from '../../workers/model/scenario/schema.ts';

/** Changes to the same field closer together than this (ms) are one undo step. */
export const COALESCE_MS = 500;
/** Undo steps kept. */
export const HISTORY_LIMIT = 100;

export interface History<T> {
  /** Snapshots before each step, oldest first. */
  readonly past: readonly T[];
  /** Snapshots undone, nearest first. */
  readonly future: readonly T[];
  /** When the last change was recorded (ms), and what it changed, for coalescing. */
  readonly lastAt: number;
  readonly lastKey: string | null;
}

export function createHistory<T>(): History<T> {
  return { past: [], future: [], lastAt: -Infinity, lastKey: null };
}

/**
 * Records a change from `before`.
 * @param before the value before the change
 * @param now time of the change, ms
 * @param key what changed (see changeKey); null never coalesces
 */
export function record<T>(h: History<T>, before: T, now: number, key: string | null = null): History<T> {
  const coalesce = key !== null && key === h.lastKey && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  if (coalesce) return { ...h, future: [], lastAt: now };
  const past = [...h.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastAt: now, lastKey: key };
}

/** Steps back: the value to show and the new history, or null when there is nothing to undo. */
export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (!h.past.length) return null;
  const value = h.past[h.past.length - 1];
  return { value, history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastAt: -Infinity, lastKey: null } };
}

/** Steps forward again, or null when there is nothing to redo. */
export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (!h.future.length) return null;
  const [value, ...future] = h.future;
  return { value, history: { past: [...h.past, current], future, lastAt: -Infinity, lastKey: null } };
}

export const canUndo = (h: History<unknown>) => h.past.length > 0;
export const canRedo = (h: History<unknown>) => h.future.length > 0;

/**
 * A key naming the single field two scenarios differ in — "params.quotaCapPct",
 * "sites.<id>.beds", "drawnSites.<id>.name", "uncertainty.<key>", "name" — or null when they
 * differ in more than one place or in structure (a site added or removed). Updaters copy only what
 * they change, so unchanged parts are compared by reference.
 */
export function changeKey(a: Scenario, b: Scenario): string | null {
  const top = (Object.keys(b) as (keyof Scenario)[]).filter((k) => a[k] !== b[k]);
  const inner = (x: Record<string, unknown>, y: Record<string, unknown>): string | null => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    const diff = [...keys].filter((q) => x[q] !== y[q]);
    if (diff.length !== 1 || !(diff[0] in x) || !(diff[0] in y)) return null;
    return diff[0];
  };
  // setParam moves the parameter's distribution with it: still one field
  if (top.length === 2 && top.includes('params') && top.includes('uncertainty')) {
    const p = inner(a.params, b.params);
    return p !== null && p === inner(a.uncertainty, b.uncertainty) ? `params.${p}` : null;
  }
  if (top.length !== 1) return null;
  const k = top[0];
  switch (k) {
    case 'params': case 'uncertainty': case 'institutions': {
      const q = inner(a[k] as Record<string, unknown>, b[k] as Record<string, unknown>);
      return q === null ? null : `${k}.${q}`;
    }
    case 'sites': {
      const q = inner(a.sites, b.sites);
      if (q === null) return null;
      const f = inner(a.sites[q] as Record<string, unknown>, b.sites[q] as Record<string, unknown>);
      return f === null ? null : `sites.${q}.${f}`;
    }
    case 'drawnSites': {
      if (a.drawnSites.length !== b.drawnSites.length) return null;
      const idx = a.drawnSites.map((d, i) => (d !== b.drawnSites[i] ? i : -1)).filter((i) => i >= 0);
      if (idx.length !== 1 || a.drawnSites[idx[0]].id !== b.drawnSites[idx[0]].id) return null;
      const f = inner(a.drawnSites[idx[0]] as unknown as Record<string, unknown>, b.drawnSites[idx[0]] as unknown as Record<string, unknown>);
      return f === null ? null : `drawnSites.${a.drawnSites[idx[0]].id}.${f}`;
    }
    default:
      return k;
  }
}
