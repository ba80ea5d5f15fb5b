/** Time arithmetic on ISO timestamps, without reading any clock. */
const HOUR_MS = 3_600_000;

export const addHours = (iso: string, hours: number): string => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
export const hoursBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / HOUR_MS;
/** The calendar date (UTC) of a timestamp. */
export const utcDate = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 10);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `Date#toISOString` for UTC milliseconds, by arithmetic (civil date from day number), several times faster. */
export function isoFromMs(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(rest / HOUR_MS);
  rest -= hh * HOUR_MS;
  const mm = Math.floor(rest / 60_000);
  rest -= mm * 60_000;
  const ss = Math.floor(rest / 1000);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(rest - ss * 1000, 3)}Z`;
}

/** A function giving the ISO timestamp `h` hours after `iso` (parses `iso` once). */
export function hoursAfter(iso: string): (h: number) => string {
  const t0 = Date.parse(iso);
  return (h) => isoFromMs(t0 + h * HOUR_MS);
}
