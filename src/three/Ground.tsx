/**
 * Flat things on the ground, each merged into one mesh (one draw call): the land around the site,
 * the use parcels coloured by use, the site outline, rail lines and rail stations.
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { Poly } from '../../workers/model/massing/geometry.ts';
import type { MassingParcel } from '../../workers/model/massing/massing.ts';
import type { SiteContext } from '../viewmodel/massingView.ts';
import { COLORS, RENDER_ORDER, USE_COLOR } from './colors.ts';

/** A polygon (local frame, metres) as a flat geometry lying at height y in the scene (z = −north). */
function flatGeometry(p: Poly, y: number, color: THREE.Color): THREE.BufferGeometry | null {
  if (!p.length || p[0].length < 4) return null;
  const shape = new THREE.Shape(p[0].map(([x, yy]) => new THREE.Vector2(x, yy)));
  for (const h of p.slice(1)) if (h.length >= 4) shape.holes.push(new THREE.Path(h.map(([x, yy]) => new THREE.Vector2(x, yy))));
  const g = new THREE.ShapeGeometry(shape);
  g.rotateX(-Math.PI / 2); // (x, y, 0) → (x, 0, −y)
  g.translate(0, y, 0);
  const n = g.getAttribute('position').count;
  const c = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) { c[i * 3] = color.r; c[i * 3 + 1] = color.g; c[i * 3 + 2] = color.b; }
  g.setAttribute('color', new THREE.BufferAttribute(c, 3));
  g.deleteAttribute('uv');
  g.deleteAttribute('normal');
  return g;
}

function merged(parts: (THREE.BufferGeometry | null)[]): THREE.BufferGeometry | null {
  const ok = parts.filter((g): g is THREE.BufferGeometry => g !== null);
  if (!ok.length) return null;
  const m = mergeGeometries(ok, false);
  ok.forEach((g) => g.dispose());
  if (!m) return null;
  m.computeVertexNormals();
  return m;
}

function useDisposable<T extends { dispose(): void } | null>(make: () => T, deps: unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const v = useMemo(make, deps);
  useEffect(() => () => v?.dispose(), [v]);
  return v;
}

export function Land({ land }: { land: Poly[] }) {
  const geom = useDisposable(() => merged(land.map((p) => flatGeometry(p, -0.3, new THREE.Color(COLORS.land)))), [land]);
  // unlit and without shadows: the surroundings fill most of the screen, and lighting and shadow
  // lookups on every one of their pixels were most of a frame's cost on software renderers
  const mat = useDisposable(() => new THREE.MeshBasicMaterial({ vertexColors: true }), []);
  if (!geom) return null;
  return <mesh geometry={geom} material={mat} renderOrder={RENDER_ORDER.land} />;
}

export function Parcels({ parcels }: { parcels: MassingParcel[] }) {
  const geom = useDisposable(() => merged(parcels.flatMap((p) => p.polys.map((poly) => flatGeometry(poly, 0.2, new THREE.Color(USE_COLOR[p.use]).lerp(new THREE.Color('#ffffff'), p.use === 'road' || p.use === 'openSpace' ? 0.1 : 0.55))))), [parcels]);
  const mat = useDisposable(() => new THREE.MeshLambertMaterial({ vertexColors: true, polygonOffset: true, polygonOffsetFactor: -1, polygonOffsetUnits: -1 }), []);
  if (!geom) return null;
  return <mesh geometry={geom} material={mat} receiveShadow renderOrder={RENDER_ORDER.parcels} />;
}

/** The site outline and the rail lines as one set of line segments. */
export function Lines({ outline, lines }: { outline: Poly[]; lines: SiteContext['lines'] }) {
  const geom = useDisposable(() => {
    const pos: number[] = [], col: number[] = [];
    const add = (pts: [number, number][], y: number, colour: string) => {
      const c = new THREE.Color(colour);
      for (let i = 0; i + 1 < pts.length; i++) {
        pos.push(pts[i][0], y, -pts[i][1], pts[i + 1][0], y, -pts[i + 1][1]);
        col.push(c.r, c.g, c.b, c.r, c.g, c.b);
      }
    };
    for (const p of outline) for (const r of p) add(r, 0.6, COLORS.outline);
    for (const l of lines) add(l.pts, 1.5, l.colour);
    if (!pos.length) return null;
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
    g.setAttribute('color', new THREE.Float32BufferAttribute(col, 3));
    return g;
  }, [outline, lines]);
  const mat = useDisposable(() => new THREE.LineBasicMaterial({ vertexColors: true }), []);
  if (!geom) return null;
  return <lineSegments geometry={geom} material={mat} />;
}

/** Rail stations as instanced discs: red when in use, white when planned. */
export function Stations({ stations }: { stations: SiteContext['stations'] }) {
  const geom = useDisposable(() => new THREE.CylinderGeometry(22, 22, 6, 24).translate(0, 3, 0), []);
  const mat = useDisposable(() => new THREE.MeshLambertMaterial({ color: '#ffffff' }), []);
  const mesh = useDisposable(() => {
    if (!stations.length) return null;
    const m = new THREE.InstancedMesh(geom, mat, stations.length);
    const c = new THREE.Color();
    stations.forEach((s, i) => {
      m.setMatrixAt(i, new THREE.Matrix4().makeTranslation(s.x, 0, -s.y));
      m.setColorAt(i, c.set(s.planned ? COLORS.stationPlanned : COLORS.stationOpen));
    });
    m.computeBoundingSphere();
    return m;
  }, [stations, geom, mat]);
  if (!mesh) return null;
  return <primitive object={mesh} />;
}
