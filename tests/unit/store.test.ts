/**
 * The app store (createAppStore): a scenario update that changes nothing keeps the state object
 * (no rerun, no re-render), a real update replaces only the scenario, setView merges, toggleLayer
 * flips one layer. Each test makes its own store.
 */
import { describe, expect, it, vi } from 'vitest';
import { LAYER_IDS, createAppStore, initialView } from '../../src/store/appStore.ts';
import { setParam } from '../../src/store/updaters.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { scenarioWith } from './_helpers.ts';

describe('createAppStore', () => {
  it('starts with the given (or default) scenario, the initial view and nothing run yet', () => {
    const st = createAppStore().getState();
    expect(st.scenario).toEqual(defaultScenario());
    expect(st.view).toEqual(initialView());
    expect(st.results).toBeNull();
    expect(st.data).toBeNull();
    expect(st.run.status).toBe('idle');
    expect(st.mc).toMatchObject({ status: 'idle', percentiles: null });
    const s = scenarioWith((x) => { x.name = 'Mine'; });
    expect(createAppStore(s).getState().scenario).toBe(s);
  });

  it('stores are independent', () => {
    const a = createAppStore();
    const b = createAppStore();
    a.getState().setView({ year: 2035 });
    expect(b.getState().view.year).toBe(initialView().year);
  });
});

describe('setScenario', () => {
  it('an update returning the same scenario keeps the state object and notifies no one', () => {
    const store = createAppStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getState();
    store.getState().setScenario((s) => s);
    store.getState().setScenario((s) => setParam(s, 'quotaCapPct', s.params.quotaCapPct)); // unchanged value
    store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 500)); // refused value
    expect(store.getState()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('a real change replaces the scenario only and notifies once', () => {
    const store = createAppStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getState();
    store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 45));
    const after = store.getState();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(after.scenario).not.toBe(before.scenario);
    expect(after.scenario.params.quotaCapPct).toBe(45);
    expect(after.view).toBe(before.view);
    expect(after.results).toBe(before.results);
    expect(before.scenario.params.quotaCapPct).toBe(40);
  });

  it('updates see the latest scenario (successive updates compose)', () => {
    const store = createAppStore();
    store.getState().setScenario((s) => setParam(s, 'quotaCapPct', 45));
    store.getState().setScenario((s) => setParam(s, 'quotaCapRaisedPct', s.params.quotaCapPct + 10));
    expect(store.getState().scenario.params.quotaCapRaisedPct).toBe(55);
  });
});

describe('setView', () => {
  it('merges a patch into the view, leaving the rest and the scenario alone', () => {
    const store = createAppStore();
    const before = store.getState();
    store.getState().setView({ year: 2035, selectedSiteId: 'existing:hku' });
    const v = store.getState().view;
    expect(v).toMatchObject({ year: 2035, selectedSiteId: 'existing:hku', lang: 'en' });
    expect(v.layers).toBe(before.view.layers);
    expect(store.getState().scenario).toBe(before.scenario);
    store.getState().setView({ selectedSiteId: null });
    expect(store.getState().view).toMatchObject({ year: 2035, selectedSiteId: null });
    expect(before.view.year).toBe(initialView().year); // the old view object is not mutated
  });
});

describe('toggleLayer', () => {
  it('flips exactly one layer, twice is back to where it was', () => {
    const store = createAppStore();
    const initial = store.getState().view.layers;
    for (const id of LAYER_IDS) {
      const before = store.getState().view.layers;
      store.getState().toggleLayer(id);
      const after = store.getState().view.layers;
      expect(after).not.toBe(before);
      expect(after[id]).toBe(!before[id]);
      for (const other of LAYER_IDS) if (other !== id) expect(after[other]).toBe(before[other]);
      store.getState().toggleLayer(id);
      expect(store.getState().view.layers[id]).toBe(before[id]);
    }
    expect(store.getState().view.layers).toEqual(initial);
    expect(initial.youthHostels).toBe(false);
  });
});
