/**
 * The buildings as merged boxes (boxGeometry.ts): one mesh per use for buildings in use in the
 * shown year and one translucent mesh for every building not open yet (ghosted), so the number of
 * draw calls stays the same whatever the number of buildings; and the highlight of the building
 * under the pointer.
 */
import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import * as THREE from 'three';
import { bakeBoxColors, boxOfFace, boxesGeometry } from './boxGeometry.ts';
import { bakedMaterial, sceneLighting, type SceneLighting } from './lighting.ts';
import type { Sun } from './sun.ts';
import type { MassingBuilding } from '../../workers/model/massing/massing.ts';
import { BUILT_USES, type Use } from '../../workers/model/massing/parcels.ts';
import { COLORS, RENDER_ORDER, USE_COLOR } from './colors.ts';

/** A unit box standing on the ground (y from 0 to 1), for the highlight. */
const BOX = new THREE.BoxGeometry(1, 1, 1).translate(0, 0.5, 0);

const m4 = new THREE.Matrix4();
const q = new THREE.Quaternion();
const up = new THREE.Vector3(0, 1, 0);
const pos = new THREE.Vector3();
const scl = new THREE.Vector3();

/** Local frame (x east, y north) → scene (x east, y up, z south); the footprint turns with the site's axis. */
export function buildingMatrix(b: MassingBuilding, out = m4): THREE.Matrix4 {
  q.setFromAxisAngle(up, b.angle);
  pos.set(b.x, 0, -b.y);
  scl.set(b.length, Math.max(0.1, b.heightM), b.depth);
  return out.compose(pos, q, scl);
}

interface MeshProps {
  buildings: MassingBuilding[];
  material: THREE.Material;
  /** Bake this lighting into vertex colours (for an unlit vertex-coloured material); null: lit by the material. */
  lighting: SceneLighting | null;
  cast: boolean;
  receive: boolean;
  renderOrder: number;
  onHover: (id: number | null) => void;
  onPick: (id: number) => void;
}

const USE_LINEAR = new Map<Use, THREE.Color>(BUILT_USES.map((u) => [u, new THREE.Color(USE_COLOR[u])]));
const useColor = (b: MassingBuilding) => USE_LINEAR.get(b.use) ?? USE_LINEAR.get('other')!;

/** One kind of building as one merged mesh; pointer events map the hit triangle back to its building. */
function BuildingMesh({ buildings, material, lighting, cast, receive, renderOrder, onHover, onPick }: MeshProps) {
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const geom = useMemo(() => (buildings.length ? boxesGeometry(buildings) : null), [buildings]);
  // (re)bake before the frame that shows it: a new sun rewrites the colours, not the geometry
  const toneMapping = gl.toneMapping, exposure = gl.toneMappingExposure;
  useMemo(() => {
    if (geom && lighting) bakeBoxColors(geom, buildings, useColor, lighting, { toneMapping, exposure });
  }, [geom, buildings, lighting, toneMapping, exposure]);
  useEffect(() => { invalidate(); }, [geom, lighting, invalidate]);
  useEffect(() => () => geom?.dispose(), [geom]);
  if (!geom) return null;
  const idOf = (e: ThreeEvent<PointerEvent | MouseEvent>) => { const k = boxOfFace(e.faceIndex); return k === null ? null : buildings[k]?.id ?? null; };
  return (
    <mesh
      geometry={geom}
      material={material}
      castShadow={cast}
      receiveShadow={receive}
      renderOrder={renderOrder}
      onPointerMove={(e: ThreeEvent<PointerEvent>) => { e.stopPropagation(); onHover(idOf(e)); }}
      onPointerOut={() => onHover(null)}
      onClick={(e: ThreeEvent<MouseEvent>) => { e.stopPropagation(); const id = idOf(e); if (id !== null) onPick(id); }}
    />
  );
}

/** Above this many buildings, shadows fall on the ground only (not on other buildings). */
export const MAX_SHADOW_RECEIVING_BUILDINGS = 500;

/**
 * The buildings, at most six draw calls whatever their number, plus one for those not open yet in
 * the shown year (ghosted: translucent, every use in one mesh). Buildings cast shadows always.
 * While there are few enough of them (real sites have tens), they also receive shadows: one
 * Lambert-lit mesh per use. Above MAX_SHADOW_RECEIVING_BUILDINGS they do not (a shadow lookup on
 * every building pixel was about a third of a frame at 2,000 buildings on a software renderer),
 * so their lighting is the same on every pixel of a face and is baked into vertex colours of one
 * unlit mesh, tone mapping and sRGB output included (lighting.ts): the same look at a fraction
 * of the per-pixel cost. Ghosts never
 * receive shadows and are always baked.
 */
export function Buildings(props: { buildings: MassingBuilding[]; isOpen: (b: MassingBuilding) => boolean; sun: Sun; onHover: (id: number | null) => void; onPick: (id: number) => void }) {
  const { buildings, isOpen, sun } = props;
  const baked = buildings.length > MAX_SHADOW_RECEIVING_BUILDINGS;
  const lighting = useMemo(() => sceneLighting(sun), [sun]);
  const materials = useMemo(() => {
    const byUse = new Map<Use, THREE.Material>();
    for (const u of BUILT_USES) byUse.set(u, new THREE.MeshLambertMaterial({ color: USE_COLOR[u] }));
    const solid = bakedMaterial();
    const ghost = bakedMaterial({ transparent: true, opacity: COLORS.ghostOpacity });
    return { byUse, solid, ghost };
  }, []);
  useEffect(() => () => { materials.byUse.forEach((m) => m.dispose()); materials.solid.dispose(); materials.ghost.dispose(); }, [materials]);
  const groups = useMemo(() => {
    const open = new Map<Use, MassingBuilding[]>(BUILT_USES.map((u) => [u, []]));
    const all: MassingBuilding[] = [];
    const ghost: MassingBuilding[] = [];
    for (const b of buildings) {
      if (!isOpen(b)) ghost.push(b);
      else if (baked) all.push(b);
      else open.get(b.use)!.push(b);
    }
    return { open, all, ghost };
  }, [buildings, isOpen, baked]);
  const common = { onHover: props.onHover, onPick: props.onPick };
  return (
    <group>
      {BUILT_USES.map((u) => (
        <BuildingMesh key={u} buildings={groups.open.get(u)!} material={materials.byUse.get(u)!} lighting={null} cast receive renderOrder={RENDER_ORDER.buildings} {...common} />
      ))}
      <BuildingMesh buildings={groups.all} material={materials.solid} lighting={lighting} cast receive={false} renderOrder={RENDER_ORDER.buildings} {...common} />
      <BuildingMesh buildings={groups.ghost} material={materials.ghost} lighting={lighting} cast={false} receive={false} renderOrder={0} {...common} />
    </group>
  );
}

/** An outline box around the building under the pointer or picked. */
export function Highlight({ building }: { building: MassingBuilding | null }) {
  const invalidate = useThree((s) => s.invalidate);
  const { geom, mat } = useMemo(() => ({ geom: new THREE.EdgesGeometry(BOX), mat: new THREE.LineBasicMaterial({ color: COLORS.highlight }) }), []);
  useEffect(() => () => { geom.dispose(); mat.dispose(); }, [geom, mat]);
  const matrix = useMemo(() => {
    if (!building) return null;
    const b = { ...building, length: building.length + 1, depth: building.depth + 1, heightM: building.heightM + 0.5 };
    return buildingMatrix(b, new THREE.Matrix4());
  }, [building]);
  useEffect(() => { invalidate(); }, [matrix, invalidate]);
  if (!matrix) return null;
  return <lineSegments geometry={geom} material={mat} matrix={matrix} matrixAutoUpdate={false} />;
}
