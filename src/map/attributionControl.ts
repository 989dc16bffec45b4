/**
 * The map's attribution: every data source and licence geodata/SOURCES.md asks for, as TEXT.
 * MapLibre's own AttributionControl inserts source attributions as HTML, so the map is created
 * with `attributionControl: false` and this small control is added instead; its DOM is built
 * with textContent only. When an online style is in use its attributions (HTML strings in the
 * style's sources) are reduced to their text and listed too.
 */
import type { IControl, Map as MlMap } from 'maplibre-gl';
import { DATA_ATTRIBUTIONS, type DataAttribution } from './attribution.ts';

export const ALL_ATTRIBUTIONS: DataAttribution[] = DATA_ATTRIBUTIONS;

/** Text of an attribution HTML string (e.g. '<a href="…">© OpenStreetMap</a>'), never inserted as HTML. */
export function attributionText(html: string): string {
  // DOMParser builds an inert document (nothing runs); script/style text is not attribution
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, style, template').forEach((e) => e.remove());
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Attribution strings of the sources of the current style that are not the app's own. */
export function styleAttributions(map: MlMap): string[] {
  const out = new Set<string>();
  const sources = map.getStyle()?.sources ?? {};
  for (const s of Object.values(sources)) {
    const a = (s as { attribution?: unknown }).attribution;
    if (typeof a === 'string' && a.trim()) {
      const t = attributionText(a);
      if (t) out.add(t);
    }
  }
  return [...out];
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

let seq = 0;

export class TextAttributionControl implements IControl {
  private container = el('div', 'maplibregl-ctrl hp-attrib');
  private button = el('button', 'hp-attrib-toggle');
  private label = el('span');
  private body = el('div', 'hp-attrib-body');
  private list = el('ul');
  private online = el('ul', 'hp-attrib-online');
  private title = el('p', 'hp-attrib-title');

  constructor(titleText: string) {
    const id = `hp-attrib-${++seq}`;
    this.container.dataset.testid = 'map-attribution';
    this.button.type = 'button';
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', id);
    const icon = el('span', 'hp-attrib-icon', 'ⓘ');
    icon.setAttribute('aria-hidden', 'true');
    this.button.append(icon, this.label);
    this.body.id = id;
    this.body.hidden = true;
    for (const a of ALL_ATTRIBUTIONS) {
      const li = el('li');
      li.append(el('span', undefined, a.text), el('span', 'hp-attrib-licence', ` — Licence: ${a.licence}`));
      if (a.url && /^https:\/\//.test(a.url)) {
        const link = el('a', undefined, a.url);
        link.href = a.url;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        li.append(' (', link, ')');
      }
      this.list.append(li);
    }
    this.body.append(this.title, this.list, this.online);
    this.container.append(this.button, this.body);
    this.button.addEventListener('click', () => this.setOpen(!this.open));
    this.setTitle(titleText);
  }

  private open = false;

  setOpen(open: boolean): void {
    this.open = open;
    this.body.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    this.container.classList.toggle('hp-attrib-open', open);
  }

  setTitle(text: string): void {
    this.label.textContent = text;
    this.title.textContent = text;
  }

  /** Lines for an online basemap style (empty when the offline basemap is shown). */
  setOnlineAttributions(lines: string[]): void {
    this.online.replaceChildren(...lines.map((l) => el('li', undefined, l)));
  }

  onAdd(): HTMLElement {
    return this.container;
  }

  onRemove(): void {
    this.container.remove();
  }
}
