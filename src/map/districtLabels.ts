/**
 * The 18 district names on the offline basemap below zoom 10, as page text over the map instead of
 * MapLibre's symbol layer (why, and why only there: DISTRICT_LABEL_PAGE_BELOW_ZOOM in
 * ./planningBasemap.ts). From zoom 10 the symbol layer draws them and these are hidden.
 *
 * They keep the symbol layer's look and rules (the same size, opacity and padding constants, and
 * ./labelPlacement.ts): the selected language first and the other one smaller beneath, and a name
 * is left out when it would overlap a name placed before it (larger districts first) or cross the
 * map's edge. They follow the map through its `move` event, as MapLibre's own markers do, and use
 * the system fonts the rest of the app uses. Above the canvas, they are drawn over the site
 * symbols; they never take pointer events, so every site stays clickable. The container is
 * aria-hidden: the map is described by its region label, and district names are in the panels and
 * tooltips as text. The report's map image draws them in (./mapImage.ts).
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import {
  BASEMAP_COLOURS, DISTRICT_LABEL_OPACITY, DISTRICT_LABEL_PADDING_PX, DISTRICT_LABEL_SIZE_PX, DISTRICT_LABEL_TEXT,
  type DistrictLabelProps,
} from './basemapStyle.ts';
import { DISTRICT_LABEL_PAGE_BELOW_ZOOM } from './planningBasemap.ts';
import { interpolateStops, placeLabels } from './labelPlacement.ts';
import type { Lang } from '../i18n/strings.ts';
/** Font size at which the labels are measured once per language; sizes scale from it (CSS em). */
const MEASURE_PX = 20;

interface Item {
  el: HTMLDivElement;
  first: HTMLSpanElement;
  second: HTMLSpanElement;
  props: DistrictLabelProps;
  lngLat: [number, number];
  /** width and height at MEASURE_PX */
  sizeEm: [number, number] | null;
  transform: string;
  shown: boolean | null;
}

/** Placement order: larger districts first (their names take the room), ties by code. */
export function byAreaDescending(a: DistrictLabelProps, b: DistrictLabelProps): number {
  return b.area_km2 - a.area_km2 || a.code.localeCompare(b.code);
}

export class DistrictLabels {
  private readonly root: HTMLDivElement;
  private readonly items: Item[];
  private lang: Lang;
  /** false on an online style */
  private visible = true;
  /** false until the basemap's geometry has loaded: names over an empty sea would mislead */
  private basemapShown = false;
  private fontPx = -1;
  private readonly onMove = () => this.update();
  private readonly onSourceData = () => {
    if (!this.map.getSource(this.basemapSource) || !this.map.isSourceLoaded(this.basemapSource)) return;
    this.basemapShown = true;
    this.map.off('sourcedata', this.onSourceData);
    this.update();
  };

  constructor(
    private readonly map: MlMap,
    /** the source of the basemap's district polygons: the names appear once it has loaded */
    private readonly basemapSource: string,
    labels: FeatureCollection<Point, DistrictLabelProps>,
    lang: Lang,
  ) {
    this.lang = lang;
    this.root = document.createElement('div');
    this.root.className = 'hp-district-labels';
    this.root.setAttribute('aria-hidden', 'true');
    // the symbol layer's look (basemapStyle.ts); the rest is in map.css
    const t = DISTRICT_LABEL_TEXT;
    Object.assign(this.root.style, {
      color: BASEMAP_COLOURS.districtLabel,
      letterSpacing: `${t.letterSpacingEm}em`,
      lineHeight: String(t.lineHeightEm),
      textShadow: [[0, 0, t.haloWidthPx], [0, 0, t.haloWidthPx], [1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0]]
        .map(([x, y, blur]) => `${x}px ${y}px ${blur}px ${BASEMAP_COLOURS.halo}`).join(', '),
    });
    this.root.style.setProperty('--hp-district-label-max-width', `${t.maxWidthEm}em`);
    this.root.style.setProperty('--hp-district-label-second-scale', `${t.secondScale}em`);
    this.items = [...labels.features]
      .sort((a, b) => byAreaDescending(a.properties, b.properties))
      .map((f) => {
        const el = document.createElement('div');
        el.className = 'hp-district-label';
        el.dataset.testid = 'district-label';
        el.dataset.code = f.properties.code;
        const first = document.createElement('span');
        const second = document.createElement('span');
        second.className = 'hp-district-label-second';
        el.append(first, second);
        this.root.append(el);
        const [lon, lat] = f.geometry.coordinates;
        return { el, first, second, props: f.properties, lngLat: [lon, lat] as [number, number], sizeEm: null, transform: '', shown: null };
      });
    this.setText();
    this.root.hidden = true;
    map.getCanvasContainer().append(this.root);
    map.on('move', this.onMove);
    map.on('resize', this.onMove);
    map.on('sourcedata', this.onSourceData);
    // for labels made after the basemap has loaded (MapView makes them with the map, before)
    this.onSourceData();
  }

  /** The selected language first, the other one beneath. */
  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.setText();
    this.update();
  }

  /** Shown on the offline basemap only (an online style has its own place names). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  remove(): void {
    this.map.off('move', this.onMove);
    this.map.off('resize', this.onMove);
    this.map.off('sourcedata', this.onSourceData);
    this.root.remove();
  }

  private setText(): void {
    const zhFirst = this.lang === 'zh-HK';
    for (const it of this.items) {
      it.first.textContent = zhFirst ? it.props.name_zh : it.props.name_en;
      it.first.lang = zhFirst ? 'zh-HK' : 'en';
      it.second.textContent = zhFirst ? it.props.name_en : it.props.name_zh;
      it.second.lang = zhFirst ? 'en' : 'zh-HK';
      it.sizeEm = null;
    }
  }

  /** Each label's size in em of the first line, read once per language (one layout). */
  private measure(): void {
    this.root.style.fontSize = `${MEASURE_PX}px`;
    for (const it of this.items) {
      it.el.style.visibility = '';
      it.sizeEm = [it.el.offsetWidth / MEASURE_PX, it.el.offsetHeight / MEASURE_PX];
    }
    this.fontPx = -1;
    for (const it of this.items) it.shown = null;
  }

  update(): void {
    const zoom = this.map.getZoom();
    const shown = this.visible && this.basemapShown && zoom < DISTRICT_LABEL_PAGE_BELOW_ZOOM;
    if (this.root.hidden !== !shown) this.root.hidden = !shown;
    if (!shown) return;
    if (this.items.some((it) => it.sizeEm === null)) this.measure();
    const fontPx = Math.round(interpolateStops(DISTRICT_LABEL_SIZE_PX, zoom) * 10) / 10;
    if (fontPx !== this.fontPx) {
      this.fontPx = fontPx;
      this.root.style.fontSize = `${fontPx}px`;
    }
    this.root.style.opacity = String(Math.round(interpolateStops(DISTRICT_LABEL_OPACITY, zoom) * 100) / 100);
    const { clientWidth, clientHeight } = this.map.getContainer();
    const boxes = this.items.map((it) => {
      const p = this.map.project(it.lngLat);
      return { x: p.x, y: p.y, widthPx: it.sizeEm![0] * fontPx, heightPx: it.sizeEm![1] * fontPx };
    });
    const show = placeLabels(boxes, clientWidth, clientHeight, DISTRICT_LABEL_PADDING_PX);
    this.items.forEach((it, i) => {
      if (show[i] !== it.shown) {
        it.shown = show[i];
        it.el.style.visibility = show[i] ? '' : 'hidden';
      }
      if (!show[i]) return;
      const transform = `translate(${boxes[i].x.toFixed(1)}px, ${boxes[i].y.toFixed(1)}px) translate(-50%, -50%)`;
      if (transform !== it.transform) {
        it.transform = transform;
        it.el.style.transform = transform;
      }
    });
  }
}
