/** Colours of the 3D view (one per use; the legend shows the same). */
import type { Use } from '../../workers/model/massing/parcels.ts';

export const USE_COLOR: Record<Use, string> = {
  hostel: '#e4572e',
  academic: '#4e79a7',
  hospital: '#b07aa1',
  residential: '#edc948',
  other: '#9c755f',
  openSpace: '#8cc084',
  road: '#b9b9b9',
};

export const COLORS = {
  sky: '#cfe3f2',
  land: '#ece8dc',
  outline: '#333333',
  stationOpen: '#c8102e',
  stationPlanned: '#ffffff',
  highlight: '#ffd400',
  ghostOpacity: 0.22,
};

/**
 * Opaque draw order, nearest the eye first: buildings hide much of the ground, and the ground
 * pixels they hide then fail the depth test before any shading (cheaper on software renderers).
 */
export const RENDER_ORDER = { buildings: -2, parcels: -1, land: 0 };
