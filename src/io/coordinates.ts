/**
 * Coordinates of imported sites: the Hong Kong 1980 Grid (EPSG:2326, what Lands Department data
 * uses) and WGS84 longitude/latitude (EPSG:4326, what the map and the model use), with branded
 * tuple types so an HK1980 easting can never reach MapLibre by mistake, and detection of which of
 * the two a file is in.
 */
import proj4 from 'proj4';

/** [longitude, latitude] in decimal degrees on WGS84 (EPSG:4326), the order GeoJSON uses. */
export type Wgs84Point = readonly [lon: number, lat: number] & { readonly __crs: 'WGS84' };
/** [easting, northing] in metres on the Hong Kong 1980 Grid (EPSG:2326). */
export type Hk1980Point = readonly [easting: number, northing: number] & { readonly __crs: 'HK1980' };

export type Crs = 'WGS84' | 'HK1980';

/**
 * EPSG:2326 as published in the EPSG registry (transverse Mercator on the International 1924
 * ellipsoid, 7-parameter datum shift to WGS84 from the Geodetic Survey's "Explanatory notes on
 * geodetic datums in Hong Kong").
 */
export const EPSG_2326 = '+proj=tmerc +lat_0=22.31213333333334 +lon_0=114.1785555555556 +k=1 +x_0=836694.05 +y_0=819069.8 +ellps=intl +towgs84=-162.619,-276.959,-161.764,0.067753,-2.243649,-1.158827,-1.094246 +units=m +no_defs';
proj4.defs('EPSG:2326', EPSG_2326);
const toWgs84 = proj4('EPSG:2326', 'EPSG:4326');

/** Brands a [lon, lat] pair (degrees). */
export const wgs84 = (lon: number, lat: number): Wgs84Point => [lon, lat] as unknown as Wgs84Point;
/** Brands an [easting, northing] pair (metres, HK1980 Grid). */
export const hk1980 = (easting: number, northing: number): Hk1980Point => [easting, northing] as unknown as Hk1980Point;

/**
 * HK1980 Grid → WGS84.
 * @param p [easting, northing] in metres (EPSG:2326)
 * @returns [lon, lat] in degrees (EPSG:4326)
 * @example hk1980ToWgs84(hk1980(832591.320, 820351.389)) // ≈ [114.141187917, 22.322172084]
 */
export function hk1980ToWgs84(p: Hk1980Point): Wgs84Point {
  const [lon, lat] = toWgs84.forward([p[0], p[1]]);
  return wgs84(lon, lat);
}

/**
 * WGS84 → HK1980 Grid.
 * @param p [lon, lat] in degrees (EPSG:4326)
 * @returns [easting, northing] in metres (EPSG:2326)
 */
export function wgs84ToHk1980(p: Wgs84Point): Hk1980Point {
  const [e, n] = toWgs84.inverse([p[0], p[1]]);
  return hk1980(e, n);
}

/** Bounds that hold all of Hong Kong with a margin, in each system. */
export const HK_BOUNDS = {
  WGS84: { xMin: 113.8, xMax: 114.5, yMin: 22.1, yMax: 22.6 },
  HK1980: { xMin: 800_000, xMax: 870_000, yMin: 800_000, yMax: 850_000 },
} as const;

/** What a single x/y pair looks like: in Hong Kong in one of the systems, lat/lon swapped, or none. */
export type PointGuess = Crs | 'WGS84-swapped' | null;

/**
 * Guesses the system of one coordinate pair from its magnitude (the two ranges cannot overlap).
 * @param x longitude or easting
 * @param y latitude or northing
 */
export function guessPointCrs(x: number, y: number): PointGuess {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const inBox = (b: { xMin: number; xMax: number; yMin: number; yMax: number }, px: number, py: number) => px >= b.xMin && px <= b.xMax && py >= b.yMin && py <= b.yMax;
  if (inBox(HK_BOUNDS.WGS84, x, y)) return 'WGS84';
  if (inBox(HK_BOUNDS.HK1980, x, y)) return 'HK1980';
  if (inBox(HK_BOUNDS.WGS84, y, x)) return 'WGS84-swapped';
  return null;
}

/**
 * The CRS named by a GeoJSON `crs` member (the 2008 spec's named CRS, still written by GDAL and
 * QGIS for projected data), or null when there is none or it is not one we know.
 * Accepts "EPSG:2326", "urn:ogc:def:crs:EPSG::2326", "…CRS84", "EPSG:4326".
 */
export function crsFromGeoJsonMember(crs: unknown): Crs | 'unknown' | null {
  if (crs === undefined || crs === null) return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return 'unknown';
  if (/EPSG:{1,2}(\d\.\d:)?2326$/i.test(name)) return 'HK1980';
  if (/CRS84$/i.test(name) || /EPSG:{1,2}(\d\.\d:)?4326$/i.test(name)) return 'WGS84';
  return 'unknown';
}

/**
 * Decides the system of a set of points: the one that most of them fit. Returns null when none
 * fits (coordinates outside Hong Kong in both systems).
 * @param points [x, y] pairs as read from the file
 */
export function detectCrs(points: readonly (readonly [number, number])[]): Crs | null {
  let w = 0, h = 0;
  for (const [x, y] of points) {
    const g = guessPointCrs(x, y);
    if (g === 'WGS84') w++;
    else if (g === 'HK1980') h++;
  }
  if (w === 0 && h === 0) return null;
  return h > w ? 'HK1980' : 'WGS84';
}

/** Converts an [x, y] pair read in `crs` to WGS84 lon/lat. */
export function toWgs84Point(x: number, y: number, crs: Crs): Wgs84Point {
  return crs === 'HK1980' ? hk1980ToWgs84(hk1980(x, y)) : wgs84(x, y);
}
