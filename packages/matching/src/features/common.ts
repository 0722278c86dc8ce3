import { cefrLevels, cefrSkills, shifts, type CefrLevel, type CefrSkill, type Shift } from '../types';

/** Recently parsed dates (records repeat a few dates many times). */
const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD...`), or NaN. */
export function dayNumber(iso: string | undefined): number {
  if (!iso) return Number.NaN;
  const cached = dayCache.get(iso);
  if (cached !== undefined) return cached;
  const day = parseDay(iso);
  if (dayCache.size >= 4096) dayCache.clear();
  dayCache.set(iso, day);
  return day;
}

function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return Number.NaN;
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
}

/** Encoded "no day" for int slots. */
export const NO_DAY = -2147483648;

/** A day number for an int slot (NO_DAY when unknown). */
export function daySlot(iso: string | undefined): number {
  const d = dayNumber(iso);
  return Number.isNaN(d) ? NO_DAY : d;
}

/** CEFR level as 1..6, 0 when absent. */
export function cefrRank(level: CefrLevel | undefined): number {
  return level ? cefrLevels.indexOf(level) + 1 : 0;
}

/** CEFR activity as 1..5, 0 when absent (then the person's mean level is used). */
export function cefrSkillRank(skill: CefrSkill | undefined): number {
  return skill ? cefrSkills.indexOf(skill) + 1 : 0;
}

/** Bit mask of shifts: day 1, evening 2, night 4, weekend 8; 0 when unknown. */
export function shiftMask(list: readonly Shift[] | undefined): number {
  let mask = 0;
  for (const s of list ?? []) mask |= 1 << shifts.indexOf(s);
  return mask;
}

export const SHIFT_DAY = 1;
export const SHIFT_EVENING = 2;
export const SHIFT_NIGHT = 4;

/** Number of set bits. */
export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Grid cell key of a point for a cell size in degrees. */
export function cellOf(lat: number, lon: number, cellDegrees: number): number {
  const rows = Math.round(180 / cellDegrees) + 1;
  const r = Math.floor((lat + 90) / cellDegrees);
  const c = Math.floor((lon + 180) / cellDegrees);
  return c * rows + r;
}

/**
 * The cells whose nearest point may lie within `km` of (lat, lon), with that smallest distance.
 * Conservative: a cell is included when its box could hold a point within range.
 */
export function cellsWithin(
  lat: number,
  lon: number,
  km: number,
  cellDegrees: number,
): { cell: number; minKm: number }[] {
  const rows = Math.round(180 / cellDegrees) + 1;
  const cols = Math.round(360 / cellDegrees);
  const dLat = km / 111.0 + cellDegrees;
  const cosLat = Math.max(0.05, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180));
  const dLon = Math.min(180, km / (111.32 * cosLat) + cellDegrees);
  const r0 = Math.max(0, Math.floor((lat - dLat + 90) / cellDegrees));
  const r1 = Math.min(rows - 1, Math.floor((lat + dLat + 90) / cellDegrees));
  const c0 = Math.floor((lon - dLon + 180) / cellDegrees);
  const c1 = Math.floor((lon + dLon + 180) / cellDegrees);
  const out: { cell: number; minKm: number }[] = [];
  for (let cc = c0; cc <= c1; cc++) {
    const c = ((cc % cols) + cols) % cols;
    const lonMin = cc * cellDegrees - 180;
    for (let r = r0; r <= r1; r++) {
      const latMin = r * cellDegrees - 90;
      const nearLat = Math.min(Math.max(lat, latMin), latMin + cellDegrees);
      const nearLon = Math.min(Math.max(lon, lonMin), lonMin + cellDegrees);
      // The nearest point of a lat/lon box is not exactly the clamped point on a sphere;
      // subtract a margin so the bound stays an upper bound on the score.
      const minKm = Math.max(0, distanceKm(lat, lon, nearLat, nearLon) - 0.02 * km - 1);
      if (minKm <= km) out.push({ cell: c * rows + r, minKm });
    }
  }
  return out;
}
