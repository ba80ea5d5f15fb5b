import { z } from 'zod';
import { IsoDate, Unknown, vocabId, YesNoUnknown } from '../common/input-types.js';
import type { Knowledge } from '../knowledge/compile.js';
import { OPERATORS, SETTINGS } from '../knowledge/facts.js';

/** The screening request schema. Vocabulary enums come from the knowledge base, so forms and validation agree. */
export function screeningInputSchema(kb: Knowledge) {
  const ids = <T extends { id: string }>(xs: readonly T[], keep: (x: T) => boolean = () => true) =>
    xs.filter(keep).map((x) => x.id);
  const condition = vocabId('condition', ids(kb.conditions, (c) => c.category !== 'allergy' && c.category !== 'implant'));
  const allergy = vocabId('allergy', ids(kb.conditions, (c) => c.category === 'allergy'));
  const implant = vocabId('implant', ids(kb.conditions, (c) => c.category === 'implant'));
  const InField = YesNoUnknown.describe('whether it is in or next to the area to be treated');

  const Person = z.strictObject({
    age: z.union([z.number().int().min(0).max(120), Unknown]).describe('age in years'),
    sex: z.enum(['female', 'male', 'intersex', 'other']).optional(),
    pregnant: YesNoUnknown,
    breastfeeding: YesNoUnknown,
    fitzpatrick: z.union([z.number().int().min(1).max(6), Unknown]).optional().describe('Fitzpatrick skin type 1-6 as assessed; give this or fitzpatrickSelfReport'),
    fitzpatrickSelfReport: vocabId('Fitzpatrick self-report answer', kb.fitzpatrick.answers.map((a) => a.id))
      .optional()
      .describe(kb.fitzpatrick.question),
    conditions: z
      .union([
        Unknown,
        z.array(z.strictObject({ id: condition, status: z.enum(['active', 'history', 'controlled', 'unknown']), inField: InField.optional() })).max(100),
      ])
      .describe('skin and general health conditions; [] means none, "unknown" means not answered'),
    medications: z
      .union([
        Unknown,
        z.array(z.strictObject({
          id: vocabId('medication', ids(kb.medications)),
          lastDose: z.union([IsoDate, z.literal('still_taking'), Unknown]),
        })).max(100),
      ])
      .describe('medicines now or in the last 12 months'),
    procedures: z
      .union([
        Unknown,
        z.array(z.strictObject({ id: vocabId('procedure', ids(kb.procedures)), date: z.union([IsoDate, Unknown]), inField: InField.optional() })).max(100),
      ])
      .describe('earlier procedures with their dates'),
    allergies: z.union([Unknown, z.array(allergy).max(20)]),
    implants: z.union([Unknown, z.array(z.strictObject({ id: implant, inField: InField.optional() })).max(20)]),
  });

  const Plan = z.strictObject({
    setting: z.enum(SETTINGS),
    operator: z.strictObject({ role: z.enum(OPERATORS), licensed: YesNoUnknown }),
    device: vocabId('device', ids(kb.devices, (d) => d.energy !== 'none')),
    rfInsulated: YesNoUnknown.optional().describe('RF devices: insulated needles'),
    deviceLabelMaxDepthMm: z.number().min(0).max(10).optional(),
    needleMaterial: z.enum(['stainless_steel', 'titanium', 'gold_plated', 'nickel_free_coated', 'silicone', 'other', 'unknown']),
    needles: z.enum(['single_use_sterile', 'reused', 'unknown']),
    sharedDevice: YesNoUnknown.optional(),
    zones: z
      .array(z.strictObject({ zone: vocabId('zone', ids(kb.zones)), depthMm: z.number().gt(0).max(10), passes: z.number().int().min(1).max(100).optional() }))
      .min(1)
      .max(30),
    products: z
      .array(z.strictObject({ id: vocabId('product', ids(kb.products)), sterile: YesNoUnknown, intendedForNeedledSkin: YesNoUnknown.optional() }))
      .max(30)
      .default([]),
    numbingCream: z.strictObject({ used: YesNoUnknown, occludedOrLargeArea: YesNoUnknown.optional() }).optional(),
    adjunctPrp: z.boolean().default(false),
    indication: vocabId('indication', ids(kb.indications)),
    plannedDate: IsoDate,
  });

  return z
    .strictObject({ person: Person, plan: Plan })
    .superRefine((v, ctx) => {
      if (v.person.fitzpatrick === undefined && v.person.fitzpatrickSelfReport === undefined) {
        ctx.addIssue({ code: 'custom', path: ['person', 'fitzpatrick'], message: 'give the Fitzpatrick skin type (1-6, or "unknown") or answer fitzpatrickSelfReport' });
      }
      const planned = v.plan.plannedDate;
      const after = (d: string) => d > planned;
      if (Array.isArray(v.person.procedures)) {
        v.person.procedures.forEach((p, i) => {
          if (p.date !== 'unknown' && after(p.date)) {
            ctx.addIssue({ code: 'custom', path: ['person', 'procedures', i, 'date'], message: `is after the planned treatment date ${planned}: dates are in the wrong order` });
          }
        });
      }
      if (Array.isArray(v.person.medications)) {
        v.person.medications.forEach((m, i) => {
          if (m.lastDose !== 'unknown' && m.lastDose !== 'still_taking' && after(m.lastDose)) {
            ctx.addIssue({ code: 'custom', path: ['person', 'medications', i, 'lastDose'], message: `is after the planned treatment date ${planned}: use "still_taking" for a current medicine` });
          }
        });
      }
      const seen = new Set<string>();
      v.plan.zones.forEach((z2, i) => {
        if (seen.has(z2.zone)) ctx.addIssue({ code: 'custom', path: ['plan', 'zones', i, 'zone'], message: `zone '${z2.zone}' is listed twice` });
        seen.add(z2.zone);
      });
    });
}

export type ScreeningInput = z.infer<ReturnType<typeof screeningInputSchema>>;
