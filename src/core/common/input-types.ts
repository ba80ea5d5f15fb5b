import { z } from 'zod';
import { closest } from './closest.js';

/** Years a date in a request may have: earlier or later is a typing mistake. */
export const YEARS = { min: 1900, max: 2100 } as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ECHO_MAX = 40;

/** A value as quoted in a message: JSON, cut to about 40 characters so a long input is never echoed back whole. */
export function quote(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > ECHO_MAX ? `${s.slice(0, ECHO_MAX - 1)}…${s.startsWith('"') ? '"' : ''}` : s;
}

/** Why year-month-day is not a real calendar date, or undefined when it is one. */
export function calendarProblem(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12) return `there is no month ${m}`;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  if (d < 1 || d > days) return `${MONTHS[m - 1] ?? ''} ${y} has ${days} days`;
  return undefined;
}

/** A real date whose year is implausible for a request (e.g. 1026 for 2026). */
const yearProblem = (s: string, y: number): string | undefined =>
  y < YEARS.min || y > YEARS.max ? `${quote(s)} is not accepted: the year must be between ${YEARS.min} and ${YEARS.max}` : undefined;

/** The largest time zone offset in use, either way (UTC+14:00 is the Line Islands). */
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** What is wrong with a YYYY-MM-DD date, or undefined when it is a real date in the accepted years. */
export function isoDateProblem(s: string): string | undefined {
  const m = DATE.exec(s);
  if (!m) return `${quote(s)} is not a date; use YYYY-MM-DD, e.g. 2026-11-30`;
  const why = calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]));
  return why ? `${quote(s)} is not a real date: ${why}; use YYYY-MM-DD` : yearProblem(s, Number(m[1]));
}

/** What is wrong with an ISO 8601 date and time with a time zone, or undefined when it is a real instant. */
export function isoDateTimeProblem(s: string): string | undefined {
  const m = DATE_TIME.exec(s);
  const form = 'use YYYY-MM-DDTHH:MM:SS with its time zone, e.g. 2026-11-21T14:30:00Z or 2026-11-21T14:30:00+01:00';
  if (!m) return `${quote(s)} is not a date and time with its time zone; ${form}`;
  const [y, mo, d, hh, mm, ss, oh, om] = m.slice(1).map((g) => Number(g ?? 0));
  const why = calendarProblem(y ?? 0, mo ?? 0, d ?? 0);
  if (why) return `${quote(s)} is not a real date: ${why}; ${form}`;
  if ((hh ?? 0) > 23 || (mm ?? 0) > 59 || (ss ?? 0) > 59) return `${quote(s)} is not a real time: hours go from 00 to 23, minutes and seconds from 00 to 59`;
  if ((oh ?? 0) > 23 || (om ?? 0) > 59) return `${quote(s)} has an impossible time zone offset; ${form}`;
  if ((oh ?? 0) * 60 + (om ?? 0) > MAX_OFFSET_MINUTES) return `${quote(s)} has a time zone offset beyond ±14:00, which no place on Earth uses; ${form}`;
  return yearProblem(s, y ?? 0);
}

/**
 * A string check whose failure aborts: the object's cross-field checks (date order) then do not run on a
 * value that is not a real date, so the person reads one message, not a second misleading one.
 */
const checked = (problem: (s: string) => string | undefined) =>
  z.string().superRefine((s, ctx) => {
    const message = problem(s);
    if (message) ctx.addIssue({ code: 'custom', message, input: s, continue: false });
  });

/** A calendar date YYYY-MM-DD: a real date, in the years 1900 to 2100. */
export const IsoDate = checked(isoDateProblem).meta({ format: 'date', example: '2026-11-30' });
export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);
export const Unknown = z.literal('unknown').meta({ description: 'the person does not know or did not answer' });

/** A vocabulary id; an unknown id is rejected with the closest known ids. */
export function vocabId(kind: string, ids: readonly string[]) {
  const a = /^[aeiou]/i.test(kind) ? 'an' : 'a';
  const [first, ...rest] = ids;
  if (first === undefined) return z.string();
  // No id is longer than this: a longer string is refused at once, before any costly closest-id search.
  const longest = Math.max(...ids.map((id) => id.length));
  return z.enum([first, ...rest], {
    error: (iss) =>
      typeof iss.input === 'string' && iss.input.length > longest
        ? `unknown ${kind}: ${iss.input.length} characters is too long (no ${kind} id is longer than ${longest})`
        : typeof iss.input === 'string'
        ? `unknown ${kind} ${quote(iss.input).replace(/^"|"$/g, "'")}; closest known: ${closest(iss.input, ids).join(', ')}`
        : iss.input === undefined ? `is required (${a} ${kind} id)` : `must be ${a} ${kind} id (a string)`,
  });
}

/** An ISO 8601 timestamp with a time zone (Z or an offset), e.g. 2026-11-21T14:30:00Z: a real date and time. */
export const IsoDateTime = checked(isoDateTimeProblem).meta({ format: 'date-time', example: '2026-11-21T14:30:00Z' });
