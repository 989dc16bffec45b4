/**
 * Start-up ordering helpers: the "map settled" milestone that the panels and Monte Carlo wait for
 * (with a deadline, so a broken map never withholds them), the removal of MapLibre's hidden sky
 * pass, and the page's copy of the model data parsed only after the worker's verdict.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markMapSettled, resetMapSettledForTests, whenMapSettled } from '../../src/map/mapSettled.ts';
import { skipHiddenSky } from '../../src/map/skipHiddenSky.ts';
import { fetchModelDataJson } from '../../src/data/loadData.ts';

afterEach(() => {
  resetMapSettledForTests();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('mapSettled', () => {
  it('releases every waiter when the map settles, once', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    const a = whenMapSettled(8000).then(() => order.push('a'));
    const b = whenMapSettled(8000).then(() => order.push('b'));
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual([]);
    markMapSettled();
    markMapSettled(); // idempotent
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
    // after it has settled, a new waiter is released at once
    let late = false;
    await whenMapSettled(8000).then(() => { late = true; });
    expect(late).toBe(true);
  });

  it('releases a waiter at its deadline when the map never settles', async () => {
    vi.useFakeTimers();
    let released = false;
    void whenMapSettled(6000).then(() => { released = true; });
    await vi.advanceTimersByTimeAsync(5999);
    expect(released).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(released).toBe(true);
    // the deadline releases its own waiter only; it does not claim the map drew
    let next = false;
    void whenMapSettled(6000).then(() => { next = true; });
    await vi.advanceTimersByTimeAsync(10);
    expect(next).toBe(false);
  });
});

describe('skipHiddenSky', () => {
  it("replaces the sky pass in the map's own copy of the draw table, leaving the shared table alone", () => {
    const sky = vi.fn();
    const fill = vi.fn();
    const shared = { sky, fill };
    const map = { painter: { drawFunctions: shared } };
    expect(skipHiddenSky(map)).toBe(true);
    expect(map.painter.drawFunctions).not.toBe(shared);
    expect(map.painter.drawFunctions.fill).toBe(fill);
    (map.painter.drawFunctions.sky as () => void)();
    expect(sky).not.toHaveBeenCalled();
    expect(shared.sky).toBe(sky);
  });

  it('does nothing when MapLibre has not the shape it expects', () => {
    expect(skipHiddenSky({})).toBe(false);
    expect(skipHiddenSky({ painter: {} })).toBe(false);
    const odd = { painter: { drawFunctions: { sky: 'not a function' } } };
    expect(skipHiddenSky(odd)).toBe(false);
    expect(odd.painter.drawFunctions.sky).toBe('not a function');
  });
});

describe('fetchModelDataJson', () => {
  it('fetches at once but parses only after the given promise settles (also when it fails)', async () => {
    const json = vi.fn(async () => ({ ok: true }));
    const fetchMock = vi.fn(async () => ({ ok: true, status: 200, json }));
    vi.stubGlobal('fetch', fetchMock);
    for (const outcome of ['resolve', 'reject'] as const) {
      json.mockClear();
      fetchMock.mockClear();
      let settle!: () => void;
      const gate = new Promise<void>((res, rej) => { settle = outcome === 'resolve' ? res : () => rej(new Error('worker failed')); });
      const p = fetchModelDataJson('http://x/model-data.json', gate);
      await new Promise((r) => setTimeout(r, 0));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(json).not.toHaveBeenCalled();
      settle();
      await expect(p).resolves.toEqual({ ok: true });
      expect(json).toHaveBeenCalledTimes(1);
    }
  });

  it('names the file on an HTTP error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => ({ ok: false, status: 404, json: async () => null })));
    await expect(fetchModelDataJson('http://x/model-data.json')).rejects.toThrow(/geodata\/model-data.json: HTTP 404/);
  });
});
