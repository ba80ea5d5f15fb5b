/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, without reading any clock. */
const DAY_MS = 86_400_000;

export function parseIsoDate(s: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) return undefined;
  return t;
}

export const isIsoDate = (s: string): boolean => parseIsoDate(s) !== undefined;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(((parseIsoDate(to) ?? 0) - (parseIsoDate(from) ?? 0)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((parseIsoDate(date) ?? 0) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date (UTC) of an ISO timestamp or date. */
export const dateOf = (isoTimestamp: string): string => isoTimestamp.slice(0, 10);
