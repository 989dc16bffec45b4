import { describe, it, expect, vi, afterEach } from 'vitest';
import * as Comlink from 'comlink';
import { createSimulateApi, type SimulateApi } from '../../workers/simulate.api.ts';
import { loadModelData } from '../../workers/model/data/loadNode.ts';
import { defaultScenario } from '../../workers/model/scenario/defaultScenario.ts';
import { simulate } from '../../workers/model/simulate.ts';

// The API over a real MessageChannel: checks that arguments and results survive structured cloning.
function connect(api: SimulateApi) {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
  const remote = Comlink.wrap<SimulateApi>(port2 as unknown as Comlink.Endpoint);
  return { remote, close: () => { remote[Comlink.releaseProxy](); port1.close(); port2.close(); } };
}

afterEach(() => { vi.unstubAllGlobals(); });

describe('simulate worker API over comlink', () => {
  it('needs data before running and validates the data it is sent', async () => {
    const { remote, close } = connect(createSimulateApi());
    await expect(remote.deterministic(defaultScenario())).rejects.toThrow(/model data not loaded/);
    await expect(remote.init({ schema: 'nope' })).rejects.toThrow(/model data sent to the worker: field "schema"/);
    const raw = JSON.parse(JSON.stringify(loadModelData()));
    await expect(remote.init(raw)).resolves.toBe(raw.sites.length);
    close();
  });

  it('fetches and validates the data file itself, naming the file and field when it is broken', async () => {
    const raw = JSON.parse(JSON.stringify(loadModelData()));
    const broken = { ...raw, sites: raw.sites.map((x: Record<string, unknown>, i: number) => (i === 3 ? { ...x, id: 42 } : x)) };
    const files: Record<string, unknown> = { 'http://app.test/good.json': raw, 'http://app.test/broken.json': broken };
    vi.stubGlobal('fetch', async (url: string) =>
      url in files ? new Response(JSON.stringify(files[url])) : url.endsWith('.txt') ? new Response('not json') : new Response('', { status: 404 }));
    const { remote, close } = connect(createSimulateApi());
    await expect(remote.load('./relative.json', 'x')).rejects.toThrow(/url must be an absolute http/);
    await expect(remote.load('http://app.test/missing.json', 'geodata/model-data.json')).rejects.toThrow(/geodata\/model-data.json: HTTP 404/);
    await expect(remote.load('http://app.test/a.txt', 'geodata/model-data.json')).rejects.toThrow(/geodata\/model-data.json: not JSON/);
    await expect(remote.load('http://app.test/broken.json', 'geodata/model-data.json')).rejects.toThrow(/geodata\/model-data.json: field "sites\.3\.id"|sites\[3\]\.id/);
    await expect(remote.deterministic(defaultScenario())).rejects.toThrow(/model data not loaded/);
    await expect(remote.load('http://app.test/good.json', 'geodata/model-data.json')).resolves.toBe(raw.sites.length);
    const viaFile = await remote.deterministic(defaultScenario());
    expect(viaFile).toEqual(simulate(defaultScenario(), loadModelData(), defaultScenario().seed, { draws: 0 }));
    close();
  });

  it('returns the same deterministic results as calling the model directly', async () => {
    const data = loadModelData();
    const { remote, close } = connect(createSimulateApi(data));
    const s = defaultScenario();
    const viaWorker = await remote.deterministic(s);
    expect(viaWorker).toEqual(simulate(s, data, s.seed, { draws: 0 }));
    close();
  });

  it('refuses bad draw ranges and seeds by name', async () => {
    const { remote, close } = connect(createSimulateApi(loadModelData()));
    const s = defaultScenario();
    await expect(remote.draws(s, -1, 0, 10)).rejects.toThrow(/seed must be an integer/);
    await expect(remote.draws(s, 1, 10, 5)).rejects.toThrow(/to must be an integer from 10/);
    await expect(remote.draws(s, 1, 0.5, 5)).rejects.toThrow(/from must be an integer/);
    const rows = await remote.draws(s, 1, 0, 3);
    expect(rows).toBeInstanceOf(Float64Array);
    expect(rows.length).toBe(3 * 5 * 16);
    close();
  });
});
