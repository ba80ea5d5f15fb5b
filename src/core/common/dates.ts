/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, without reading any clock. */
const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch at UTC midnight, or undefined when not a real calendar date. */
export function parseIsoDate(s: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  // Day overflow (e.g. 2026-02-30) rolls into the next month: reject it.
  return d > new Date(Date.UTC(y, mo, 0)).getUTCDate() ? undefined : t;
}

export const isIsoDate = (s: string): boolean => parseIsoDate(s) !== undefined;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(((parseIsoDate(to) ?? 0) - (parseIsoDate(from) ?? 0)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((parseIsoDate(date) ?? 0) + days * DAY_MS).toISOString().slice(0, 10);
}
