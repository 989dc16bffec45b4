/**
 * "Draw a site": a polygon drawn on the map with terra-draw (MapLibre adapter). terra-draw is
 * loaded on first use so it stays out of the map's first render. Click the corners, then click
 * the first point, click the last point again (a double-click) or press Enter to finish;
 * Escape cancels.
 *
 * The finished ring goes through `addDrawnSiteFromRing`, the same function the test hook
 * `window.__drawPolygon` calls.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { appStore } from '../store/appStore.ts';
import { addDrawnSite } from '../store/updaters.ts';
import { translate } from '../i18n/strings.ts';
import { drawnSiteFromRing } from '../viewmodel/mapFeatures.ts';
import { COLOURS } from './layerStyles.ts';

/**
 * Adds a drawn site from a lon/lat ring to the scenario (area from turf, beds from the land-sale
 * formula via the model) and selects it. Returns the new site's id, or null when the ring is not
 * a usable polygon.
 */
export function addDrawnSiteFromRing(coords: [number, number][]): string | null {
  const st = appStore.getState();
  const site = drawnSiteFromRing(st.scenario, coords, translate(st.view.lang, 'drawnSite'));
  if (!site) return null;
  st.setScenario((s) => addDrawnSite(s, site));
  appStore.getState().setView({ selectedSiteId: site.id, drawing: false });
  return site.id;
}

export interface DrawSession {
  stop(): void;
}

const hex = (c: string) => c as `#${string}`;

/**
 * Starts polygon drawing; `onFinish` gets the closed ring of each finished polygon and returns
 * whether it was accepted (a refused ring is cleared so the user can draw again).
 */
export async function startPolygonDraw(map: MlMap, onFinish: (ring: [number, number][]) => boolean): Promise<DrawSession> {
  const [{ TerraDraw, TerraDrawPolygonMode, ValidateNotSelfIntersecting }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
    import('terra-draw'),
    import('terra-draw-maplibre-gl-adapter'),
  ]);
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'hp-draw' }),
    modes: [
      new TerraDrawPolygonMode({
        pointerDistance: 14,
        validation: (feature, { updateType }) => (updateType === 'finish' || updateType === 'commit' ? ValidateNotSelfIntersecting(feature) : { valid: true }),
        styles: {
          fillColor: hex(COLOURS.landSale),
          fillOpacity: 0.3,
          outlineColor: hex(COLOURS.drawnOutline),
          outlineWidth: 2,
          closingPointColor: hex('#ffffff'),
          closingPointWidth: 6,
          closingPointOutlineColor: hex(COLOURS.drawnOutline),
          closingPointOutlineWidth: 2,
        },
      }),
    ],
  });
  draw.start();
  draw.setMode('polygon');
  const zoomWasOn = map.doubleClickZoom.isEnabled();
  map.doubleClickZoom.disable();
  let stopped = false;
  draw.on('finish', (id, ctx) => {
    if (ctx.action !== 'draw') return;
    const f = draw.getSnapshotFeature(id);
    if (f?.geometry.type !== 'Polygon') return;
    const ring = f.geometry.coordinates[0] as [number, number][];
    // outside terra-draw's own event handling: accepting the site ends the session (stop())
    setTimeout(() => {
      if (stopped) return;
      if (!onFinish(ring) && !stopped) {
        try { draw.clear(); } catch { /* already stopped */ }
      }
    }, 0);
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        draw.stop();
      } catch {
        // the style was replaced meanwhile and took terra-draw's layers with it
      }
      if (zoomWasOn) map.doubleClickZoom.enable();
    },
  };
}
