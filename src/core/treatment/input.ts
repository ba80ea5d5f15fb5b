import { z } from 'zod';
import { IsoDateTime, Unknown, vocabId } from '../common/input-types.js';
import type { Knowledge } from '../knowledge/compile.js';
import { SETTINGS } from '../knowledge/facts.js';

/** A treatment that has been done: the basis of the aftercare plan, check-in triage and the next-session date. */
export function treatmentSchema(kb: Knowledge) {
  const ids = <T extends { id: string }>(xs: readonly T[], keep: (x: T) => boolean = () => true) => xs.filter(keep).map((x) => x.id);
  return z.strictObject({
    treatedAt: IsoDateTime.describe('when the treatment ended'),
    setting: z.enum(SETTINGS),
    device: vocabId('device', ids(kb.devices, (d) => d.energy !== 'none')),
    zones: z
      .array(z.strictObject({ zone: vocabId('zone', ids(kb.zones)), depthMm: z.number().gt(0).max(10) }))
      .min(1)
      .max(30)
      .describe('each treated zone with its needle depth setting (mm)'),
    products: z.array(vocabId('product', ids(kb.products))).max(30).default([]).describe('products applied during or right after'),
    numbingCream: z
      .union([z.boolean(), Unknown])
      .optional()
      .describe('whether a numbing (local anaesthetic) cream was used; left out = unknown, which is never read as "no"'),
    adjunctPrp: z.boolean().default(false),
    rfEnergy: z.enum(['standard', 'high']).optional().describe('RF treatments: the energy used, as the practitioner judged it'),
    indication: vocabId('indication', ids(kb.indications)).optional(),
    complications: z
      .array(vocabId('complication', ids(kb.effects, (e) => e.kind === 'complication')))
      .max(30)
      .default([])
      .describe('complications this treatment led to (for the next-session date)'),
    complicationUnresolved: z.boolean().default(false),
  });
}

/** What about the person changes aftercare and triage. */
export function treatedPersonSchema(kb: Knowledge) {
  return z
    .strictObject({
      fitzpatrick: z.union([z.number().int().min(1).max(6), Unknown]).optional(),
      fitzpatrickSelfReport: vocabId('Fitzpatrick self-report answer', kb.fitzpatrick.answers.map((a) => a.id)).optional(),
      conditions: z
        .array(z.strictObject({ id: vocabId('condition', kb.conditions.map((c) => c.id)), status: z.enum(['active', 'history', 'controlled']) }))
        .max(100)
        .default([]),
      medications: z
        .array(z.strictObject({ id: vocabId('medication', kb.medications.map((m) => m.id)), status: z.enum(['current', 'past']) }))
        .max(100)
        .default([]),
    })
    .default({ conditions: [], medications: [] });
}

export type TreatmentInput = z.infer<ReturnType<typeof treatmentSchema>>;
export type TreatedPerson = z.infer<ReturnType<typeof treatedPersonSchema>>;
