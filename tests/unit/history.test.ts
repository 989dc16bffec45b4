/**
 * Undo/redo: each change is a step; rapid changes of the same field within 500 ms are one step;
 * a new change clears redo; at most 100 steps are kept; changeKey names the field that changed.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { addDrawnSite, editSite, setParam, updateDrawnSite } from '../../src/store/updaters.ts';
import { canRedo, canUndo, changeKey, COALESCE_MS, createHistory, HISTORY_LIMIT, record, redo, undo, type History } from '../../src/store/history.ts';
import { drawnSite } from './_helpers.ts';

describe('history', () => {
  it('undo and redo walk back and forth through the values', () => {
    let h = createHistory<number>();
    h = record(h, 0, 0);
    h = record(h, 1, 1000);
    // current value is 2
    const u1 = undo(h, 2)!;
    expect(u1.value).toBe(1);
    const u2 = undo(u1.history, 1)!;
    expect(u2.value).toBe(0);
    expect(undo(u2.history, 0)).toBeNull();
    const r1 = redo(u2.history, 0)!;
    expect(r1.value).toBe(1);
    const r2 = redo(r1.history, 1)!;
    expect(r2.value).toBe(2);
    expect(redo(r2.history, 2)).toBeNull();
    expect(canUndo(r2.history) && !canRedo(r2.history)).toBe(true);
  });

  it('a new change after undo clears redo', () => {
    let h = record(createHistory<number>(), 0, 0);
    const u = undo(h, 1)!;
    h = record(u.history, 0, 5000);
    expect(canRedo(h)).toBe(false);
  });

  it('changes of the same field within 500 ms of each other coalesce into one step (a slider drag)', () => {
    let h: History<number> = createHistory();
    // drag: 10 changes 100 ms apart, same key; values 0→1→…→10
    for (let i = 0; i < 10; i++) h = record(h, i, i * 100, 'params.quotaCapPct');
    expect(h.past).toEqual([0]);
    expect(undo(h, 10)!.value).toBe(0);
    // a pause longer than COALESCE_MS starts a new step
    h = record(h, 10, 900 + COALESCE_MS + 1, 'params.quotaCapPct');
    expect(h.past).toEqual([0, 10]);
    // another field within 500 ms is its own step; null keys never coalesce
    h = record(h, 11, 900 + COALESCE_MS + 50, 'params.bedsPerRoom');
    h = record(h, 12, 900 + COALESCE_MS + 60, null);
    h = record(h, 13, 900 + COALESCE_MS + 70, null);
    expect(h.past).toEqual([0, 10, 11, 12, 13]);
  });

  it('after undo, the next change never coalesces with the one before', () => {
    let h = record(createHistory<number>(), 0, 0, 'k');
    const u = undo(h, 1)!;
    h = record(u.history, 0, 100, 'k');
    expect(h.past).toEqual([0]);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    let h = createHistory<number>();
    for (let i = 0; i < 150; i++) h = record(h, i, i * 1000);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});

describe('changeKey', () => {
  const s0 = defaultScenario();
  it('names one parameter (with its distribution moved along)', () => {
    expect(changeKey(s0, setParam(s0, 'quotaCapPct', 41))).toBe('params.quotaCapPct');
    expect(changeKey(s0, setParam(s0, 'takeUpNonLocalPct', 70))).toBe('params.takeUpNonLocalPct');
  });
  it('names a site field and a drawn-site field', () => {
    const a = editSite(s0, 'existing:hku', { beds: 1 });
    expect(changeKey(a, editSite(a, 'existing:hku', { beds: 2 }))).toBe('sites.existing:hku.beds');
    const b = addDrawnSite(s0, drawnSite());
    expect(changeKey(b, updateDrawnSite(b, 'drawn:test-site', { name: 'x' }))).toBe('drawnSites.drawn:test-site.name');
  });
  it('is null for structural or multiple changes', () => {
    expect(changeKey(s0, addDrawnSite(s0, drawnSite()))).toBeNull();
    expect(changeKey(s0, editSite(s0, 'existing:hku', { beds: 1 }))).toBeNull(); // a new site edit
    expect(changeKey(s0, { ...setParam(s0, 'quotaCapPct', 41), name: 'x' })).toBeNull();
    expect(changeKey(s0, { ...s0, name: 'x' })).toBe('name');
  });
});
