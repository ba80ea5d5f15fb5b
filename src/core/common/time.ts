/** Time arithmetic on ISO timestamps, without reading any clock. */
const HOUR_MS = 3_600_000;

export const addHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
export const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / HOUR_MS;
/** The calendar date (UTC) of a timestamp. */
export const utcDate = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 10);
