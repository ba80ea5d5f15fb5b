import { z } from 'zod';
import { IsoDateTime, vocabId, YesNoUnknown } from '../common/input-types.js';
import type { Knowledge } from '../knowledge/compile.js';
import { SEVERITIES, TRENDS } from '../knowledge/facts.js';
import { treatedPersonSchema, treatmentSchema } from '../treatment/input.js';

/** A check-in: the treatment, when, the red-flag answers and the symptoms. */
export function triageInputSchema(kb: Knowledge) {
  const redFlags = kb.symptoms.filter((s) => s.redFlag).map((s) => s.id);
  const redFlagShape = Object.fromEntries(redFlags.map((id) => [id, YesNoUnknown.optional()]));
  return z
    .strictObject({
      treatment: treatmentSchema(kb),
      person: treatedPersonSchema(kb),
      checkIn: z.strictObject({ at: IsoDateTime.describe('when the person is checking in') }),
      redFlags: z
        .strictObject(redFlagShape)
        .default({})
        .describe('answers to the red-flag questions; a question not answered counts as "unknown", never as "no"'),
      redFlagsNoneOfThese: z
        .boolean()
        .optional()
        .describe(
          'true: the person ticked "none of these" on the red-flag list, so every red-flag question not answered in redFlags and not listed under symptoms counts as "no". Left out or false: unanswered questions stay "unknown"',
        ),
      temperatureC: z
        .number()
        .min(30, { message: 'must be a body temperature in °C between 30 and 45' })
        .max(45, { message: 'must be a body temperature in °C between 30 and 45 (a value in °F? 100.4 °F is 38 °C)' })
        .optional(),
      symptoms: z
        .array(
          z.strictObject({
            id: vocabId('symptom', kb.symptoms.map((s) => s.id)),
            severity: z.enum(SEVERITIES).optional(),
            trend: z.enum(TRENDS).optional().describe('since it started: improving, same or worsening'),
            startedAt: IsoDateTime.optional(),
            beyondTreatedArea: z.boolean().optional(),
            zones: z
              .array(vocabId('zone', kb.zones.map((x) => x.id)))
              .min(1)
              .max(30)
              .optional()
              .describe('where the sign is (zone ids); left out = not known, which never lowers urgency (a sign that could be near the eye is treated as if it were)'),
          }),
        )
        .max(60)
        .default([]),
    })
    .superRefine((v, ctx) => {
      const t0 = Date.parse(v.treatment.treatedAt);
      const at = Date.parse(v.checkIn.at);
      if (at < t0) {
        ctx.addIssue({ code: 'custom', path: ['checkIn', 'at'], message: `is before the treatment (${v.treatment.treatedAt}): a check-in comes after treatment` });
      }
      const answers = v.redFlags as Record<string, string | undefined>;
      const seen = new Set<string>();
      v.symptoms.forEach((s, i) => {
        if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'id'], message: `'${s.id}' is listed twice` });
        seen.add(s.id);
        if (answers[s.id] === 'no') {
          ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'id'], message: `'${s.id}' is listed as a symptom but answered "no" in redFlags` });
        }
        if (s.startedAt && Date.parse(s.startedAt) < t0) {
          ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'startedAt'], message: `is before the treatment (${v.treatment.treatedAt}): only signs that started after treatment are checked here` });
        }
        if (s.startedAt && Date.parse(s.startedAt) > at) {
          ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'startedAt'], message: `is after the check-in time (${v.checkIn.at})` });
        }
      });
    });
}

export type TriageInput = z.infer<ReturnType<typeof triageInputSchema>>;
