/**
 * The buildings as merged boxes (boxGeometry.ts): one mesh per use for buildings in use in the
 * shown year and one translucent mesh for every building not open yet (ghosted), so the number of
 * draw calls stays the same whatever the number of buildings; and the highlight of the building
 * under the pointer.
 */
import { useEffect, useMemo } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import * as THREE from 'three';
import { boxOfFace, boxesGeometry } from './boxGeometry.ts';
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
  ghost: boolean;
  receive: boolean;
  onHover: (id: number | null) => void;
  onPick: (id: number) => void;
}

/** One kind of building as one merged mesh; pointer events map the hit triangle back to its building. */
function BuildingMesh({ buildings, material, ghost, receive, onHover, onPick }: MeshProps) {
  const invalidate = useThree((s) => s.invalidate);
  const geom = useMemo(() => {
    if (!buildings.length) return null;
    const c = new THREE.Color();
    return boxesGeometry(buildings, ghost ? (b) => c.set(USE_COLOR[b.use]) : undefined);
  }, [buildings, ghost]);
  useEffect(() => { invalidate(); return () => geom?.dispose(); }, [geom, invalidate]);
  if (!geom) return null;
  const idOf = (e: ThreeEvent<PointerEvent | MouseEvent>) => { const k = boxOfFace(e.faceIndex); return k === null ? null : buildings[k]?.id ?? null; };
  return (
    <mesh
      geometry={geom}
      material={material}
      castShadow={!ghost}
      receiveShadow={!ghost && receive}
      renderOrder={ghost ? 0 : RENDER_ORDER.buildings}
      onPointerMove={(e: ThreeEvent<PointerEvent>) => { e.stopPropagation(); onHover(idOf(e)); }}
      onPointerOut={() => onHover(null)}
      onClick={(e: ThreeEvent<MouseEvent>) => { e.stopPropagation(); const id = idOf(e); if (id !== null) onPick(id); }}
    />
  );
}

/** Above this many buildings, shadows fall on the ground only (not on other buildings). */
export const MAX_SHADOW_RECEIVING_BUILDINGS = 500;

/**
 * The buildings: one merged mesh per use for those in use in the shown year and one translucent
 * mesh for every building not open yet (ghosted) — at most six draw calls whatever their number.
 * Buildings cast shadows always; they receive them too while there are few enough of them (a
 * shadow lookup on every building pixel was about a third of a frame at 2,000 buildings on a
 * software renderer; real sites have tens).
 */
export function Buildings(props: { buildings: MassingBuilding[]; isOpen: (b: MassingBuilding) => boolean; onHover: (id: number | null) => void; onPick: (id: number) => void }) {
  const { buildings, isOpen } = props;
  const receive = buildings.length <= MAX_SHADOW_RECEIVING_BUILDINGS;
  const materials = useMemo(() => {
    const byUse = new Map<Use, THREE.Material>();
    for (const u of BUILT_USES) byUse.set(u, new THREE.MeshLambertMaterial({ color: USE_COLOR[u] }));
    const ghost = new THREE.MeshLambertMaterial({ color: '#ffffff', vertexColors: true, transparent: true, opacity: COLORS.ghostOpacity, depthWrite: false });
    return { byUse, ghost };
  }, []);
  useEffect(() => () => { materials.byUse.forEach((m) => m.dispose()); materials.ghost.dispose(); }, [materials]);
  const groups = useMemo(() => {
    const open = new Map<Use, MassingBuilding[]>(BUILT_USES.map((u) => [u, []]));
    const ghost: MassingBuilding[] = [];
    for (const b of buildings) (isOpen(b) ? open.get(b.use)! : ghost).push(b);
    return { open, ghost };
  }, [buildings, isOpen]);
  return (
    <group>
      {BUILT_USES.map((u) => (
        <BuildingMesh key={u} buildings={groups.open.get(u)!} material={materials.byUse.get(u)!} ghost={false} receive={receive} onHover={props.onHover} onPick={props.onPick} />
      ))}
      <BuildingMesh buildings={groups.ghost} material={materials.ghost} ghost receive={false} onHover={props.onHover} onPick={props.onPick} />
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
