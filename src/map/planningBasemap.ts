/**
 * The offline basemap as the planning map draws it: quieter MTR lines and stations (they are for
 * orientation and should not compete with the site symbols) and every layer in the shared-program
 * form (./sharedPrograms.ts). Done on the style object before the map gets it, so the first
 * render is already the final one.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { offlineBasemapStyle, type BasemapData } from './basemapStyle.ts';
import { shareProgram } from './sharedPrograms.ts';
import type { Lang } from '../i18n/strings.ts';

/** Paint overrides for the offline basemap's MTR layers under the planning layers. */
export const MUTED_BASEMAP_PAINT: Record<string, Record<string, number>> = {
  'basemap-mtr-line': { 'line-opacity': 0.5 },
  'basemap-mtr-line-casing': { 'line-opacity': 0.6 },
  'basemap-mtr-line-planned': { 'line-opacity': 0.4 },
  'basemap-mtr-station': { 'circle-opacity': 0.75, 'circle-stroke-opacity': 0.55 },
  'basemap-lightrail-stop': { 'circle-opacity': 0.6 },
};

function mute(layer: LayerSpecification): LayerSpecification {
  const over = MUTED_BASEMAP_PAINT[layer.id];
  return over ? ({ ...layer, paint: { ...(layer as { paint?: object }).paint, ...over } } as LayerSpecification) : layer;
}

export function planningBasemapStyle(lang: Lang, basemap: BasemapData): StyleSpecification {
  const style = offlineBasemapStyle({ lang, basemap });
  return { ...style, layers: style.layers.map((l) => shareProgram(mute(l))) };
}
