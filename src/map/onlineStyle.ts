/**
 * Optional online basemap style (e.g. an OpenStreetMap-based vector style). The offline basemap
 * stays the default; an online style that cannot be loaded falls back to it without blocking.
 */
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';

export const ONLINE_STYLE_TIMEOUT_MS = 8000;

/** Only absolute http(s) URLs are tried. */
export function isStyleUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Switches to the style at `url`. Resolves true once the style has loaded and first rendered
 * without errors; false on an error before that, or when it has not loaded within `timeoutMs`.
 * The caller falls back to the offline style on false.
 */
export function loadOnlineStyle(map: MlMap, url: string, timeoutMs = ONLINE_STYLE_TIMEOUT_MS): { done: Promise<boolean>; cancel: () => void } {
  let settle: (ok: boolean) => void = () => {};
  const done = new Promise<boolean>((resolve) => {
    let finished = false;
    let loaded = false;
    const finish = (ok: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      map.off('style.load', onStyleLoad);
      map.off('idle', onIdle);
      map.off('error', onError);
      resolve(ok);
    };
    settle = finish;
    const onStyleLoad = () => { loaded = true; };
    const onIdle = () => { if (loaded) finish(true); };
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(loaded), timeoutMs);
    map.on('style.load', onStyleLoad);
    map.on('idle', onIdle);
    map.on('error', onError);
    map.setStyle(url, { diff: false });
  });
  return { done, cancel: () => settle(false) };
}

export function setOfflineStyle(map: MlMap, style: StyleSpecification): void {
  map.setStyle(style, { diff: false });
}
