/**
 * Sun direction for a date and hour in Hong Kong (UTC+8, no daylight saving) at a site, from
 * SunCalc, in the 3D view's axes: x east, y up, z south (the local frame's north is −z).
 */
import SunCalc from 'suncalc';

export interface Sun {
  /** Unit vector from the site toward the sun. */
  dir: [number, number, number];
  altitudeDeg: number;
  /** Compass bearing of the sun, degrees clockwise from north. */
  bearingDeg: number;
  up: boolean;
}

/** The instant of `hour` (decimal, HKT) on a YYYY-MM-DD date. */
export function hktInstant(dateIso: string, hour: number): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateIso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [2026, 3, 21];
  return new Date(Date.UTC(y, mo - 1, d) + (hour - 8) * 3_600_000);
}

export function sunAt(dateIso: string, hour: number, lat: number, lon: number): Sun {
  const pos = SunCalc.getPosition(hktInstant(dateIso, hour), lat, lon);
  // SunCalc's azimuth is measured from south toward west
  const alt = pos.altitude, az = pos.azimuth;
  const east = -Math.sin(az) * Math.cos(alt), north = -Math.cos(az) * Math.cos(alt), up = Math.sin(alt);
  const bearing = ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;
  return { dir: [east, up, -north], altitudeDeg: (alt * 180) / Math.PI, bearingDeg: bearing, up: alt > 0 };
}

/** Today's date as YYYY-MM-DD in Hong Kong. */
export function todayHk(now = new Date()): string {
  const hk = new Date(now.getTime() + 8 * 3_600_000);
  return hk.toISOString().slice(0, 10);
}
