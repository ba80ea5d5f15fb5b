import { z } from 'zod';
import { closest } from './closest.js';
import { isIsoDate } from './dates.js';

export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'a date is YYYY-MM-DD (a real calendar date)' })
  .meta({ format: 'date', example: '2026-11-30' });
export const YesNoUnknown = z.enum(['yes', 'no', 'unknown']);
export const Unknown = z.literal('unknown').meta({ description: 'the person does not know or did not answer' });

/** A vocabulary id; an unknown id is rejected with the closest known ids. */
export function vocabId(kind: string, ids: readonly string[]) {
  const a = /^[aeiou]/i.test(kind) ? 'an' : 'a';
  const [first, ...rest] = ids;
  if (first === undefined) return z.string();
  return z.enum([first, ...rest], {
    error: (iss) =>
      typeof iss.input === 'string'
        ? `unknown ${kind} '${iss.input}'; closest known: ${closest(iss.input, ids).join(', ')}`
        : iss.input === undefined ? `is required (${a} ${kind} id)` : `must be ${a} ${kind} id (a string)`,
  });
}


/** An ISO 8601 timestamp with a time zone (Z or an offset), e.g. 2026-11-21T14:30:00Z. */
export const IsoDateTime = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'a date and time with its time zone, e.g. 2026-11-21T14:30:00Z or 2026-11-21T14:30:00+01:00',
  })
  .meta({ format: 'date-time', example: '2026-11-21T14:30:00Z' });
