/**
 * "illustrative outline" labels on the University Town polygons that have no official boundary.
 * They are DOM markers, not a symbol layer: the shipped glyphs do not include 示意範圍, and a DOM
 * label works the same in both languages (text set with textContent).
 */
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { MapSite } from '../viewmodel/mapFeatures.ts';

export class OutlineLabels {
  private markers: { id: string; marker: Marker; el: HTMLElement }[] = [];

  constructor(private map: MlMap) {}

  /** Places one label per illustrative outline (idempotent for the same sites). */
  update(sites: MapSite[], text: string, visible: boolean): void {
    const wanted = sites.filter((s) => s.illustrative && s.polygon && s.lon !== null && s.lat !== null);
    const key = wanted.map((s) => `${s.id}@${s.lon},${s.lat}`).join('|');
    if (key !== this.key) {
      this.clear();
      this.key = key;
      for (const s of wanted) {
        const el = document.createElement('div');
        el.className = 'hp-outline-label';
        el.dataset.testid = 'illustrative-outline-label';
        const marker = new Marker({ element: el, anchor: 'top', offset: [0, 4] }).setLngLat([s.lon!, s.lat!]).addTo(this.map);
        this.markers.push({ id: s.id, marker, el });
      }
    }
    for (const m of this.markers) {
      m.el.textContent = text;
      m.el.style.display = visible ? '' : 'none';
    }
  }

  private key = '';

  clear(): void {
    for (const m of this.markers) m.marker.remove();
    this.markers = [];
    this.key = '';
  }
}
