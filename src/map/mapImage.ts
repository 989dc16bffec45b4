/**
 * The map as a PNG for the report: the canvas (kept with preserveDrawingBuffer) with the labels that
 * the page draws over it (district names below zoom 10, "illustrative outline" notes) painted in
 * where they are on screen. Each text line is found with the Range API, so wrapped names come out
 * as the browser laid them out, and drawn with the element's own computed font and colour.
 */

/** Selectors of page labels over the map canvas that belong in its image. */
export const MAP_PAGE_LABELS = '.hp-district-label, .hp-outline-label';

interface TextLine { text: string; left: number; top: number; bottom: number }

/** The lines of a text node as laid out, word by word (a new line starts where the top changes). */
function textLines(node: Text, upper: boolean): TextLine[] {
  const lines: TextLine[] = [];
  const range = document.createRange();
  const text = node.data;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const word = upper ? m[0].toUpperCase() : m[0];
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.top - r.top) < 1) last.text += ` ${word}`;
    else lines.push({ text: word, left: r.left, top: r.top, bottom: r.bottom });
  }
  return lines;
}

function shown(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const st = getComputedStyle(e);
    if (st.display === 'none' || st.visibility === 'hidden' || (e as HTMLElement).hidden) return false;
  }
  return true;
}

/** Paints the page labels inside `container` onto `ctx`, whose canvas shows `canvasRect` at `scale` px per CSS px. */
export function paintPageLabels(ctx: CanvasRenderingContext2D, container: Element, canvasRect: DOMRect, scale: number): void {
  for (const label of container.querySelectorAll<HTMLElement>(MAP_PAGE_LABELS)) {
    if (!shown(label)) continue;
    const labelStyle = getComputedStyle(label);
    const opacity = Number(getComputedStyle(label.parentElement ?? label).opacity) * Number(labelStyle.opacity);
    ctx.save();
    ctx.globalAlpha = Number.isFinite(opacity) ? opacity : 1;
    ctx.scale(scale, scale);
    ctx.translate(-canvasRect.left, -canvasRect.top);
    const bg = labelStyle.backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
      const r = label.getBoundingClientRect();
      ctx.fillStyle = bg;
      ctx.beginPath();
      ctx.roundRect(r.left, r.top, r.width, r.height, parseFloat(labelStyle.borderTopLeftRadius) || 0);
      ctx.fill();
    }
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const el = n.parentElement;
      if (!el) continue;
      const st = getComputedStyle(el);
      ctx.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      ctx.letterSpacing = st.letterSpacing === 'normal' ? '0px' : st.letterSpacing;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      // the halo in the colour of the element's text shadow (computed as 'rgb(...) 0px 0px 1.6px, ...')
      const halo = st.textShadow === 'none' ? null : /^(rgba?\([^)]*\))/.exec(st.textShadow)?.[1] ?? null;
      for (const line of textLines(n, st.textTransform === 'uppercase')) {
        const y = (line.top + line.bottom) / 2;
        if (halo) {
          ctx.strokeStyle = halo;
          ctx.lineWidth = 3;
          ctx.lineJoin = 'round';
          ctx.strokeText(line.text, line.left, y);
        }
        ctx.fillStyle = st.color;
        ctx.fillText(line.text, line.left, y);
      }
    }
    ctx.restore();
  }
}

/** The map canvas with its page labels, as a PNG data URL; null when the canvas cannot be read. */
export function mapImageWithLabels(map: { getCanvas(): HTMLCanvasElement; getContainer(): HTMLElement }): string | null {
  const canvas = map.getCanvas();
  try {
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext('2d');
    if (!ctx) return canvas.toDataURL('image/png');
    ctx.drawImage(canvas, 0, 0);
    const rect = canvas.getBoundingClientRect();
    paintPageLabels(ctx, map.getContainer(), rect, rect.width > 0 ? canvas.width / rect.width : 1);
    return out.toDataURL('image/png');
  } catch {
    return null;
  }
}
