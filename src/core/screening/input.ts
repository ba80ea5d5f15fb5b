import { z } from 'zod';
import { IsoDate, Unknown, vocabId, YesNoUnknown } from '../common/input-types.js';
import type { Knowledge } from '../knowledge/compile.js';
import { OPERATORS, SETTINGS } from '../knowledge/facts.js';
import { ClearanceRole } from '../knowledge/schema.js';

/** Free text a person types ("something else"): kept and shown, never interpreted beyond a name lookup. */
const FreeText = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'is longer than 200 characters' });

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
        z.array(z.strictObject({
          id: condition,
          status: z
            .enum(['active', 'history', 'controlled', 'unknown', 'not_now_unsure_before'])
            .describe('not_now_unsure_before: not now, and the person is not sure whether they had it before (read as a past history)'),
          inField: InField.optional(),
        })).max(100),
      ])
      .describe('skin and general health conditions; [] means none, "unknown" means not answered'),
    medications: z
      .union([
        Unknown,
        z.array(z.strictObject({
          id: vocabId('medication', ids(kb.medications)).optional().describe("Primum's medicine group id; give this or name"),
          name: FreeText.optional().describe('the medicine as the person knows it (generic or brand name, e.g. "Eliquis"); give this or id'),
          lastDose: z.union([IsoDate, z.literal('still_taking'), Unknown]),
          planToStop: YesNoUnknown.optional().describe('whether the person means to stop it for this treatment'),
        })).max(100),
      ])
      .describe('medicines now or in the last 12 months'),
    otherConditions: z
      .array(FreeText)
      .max(20)
      .optional()
      .describe('"something else": conditions not in the list, in the person\'s words; kept, shown and asked about, never read as none'),
    clearances: z
      .array(z.strictObject({
        covers: vocabId('clearance subject (a condition, medicine or procedure id)', [
          ...ids(kb.conditions), ...ids(kb.medications), ...ids(kb.procedures),
        ]),
        by: z.enum(ClearanceRole.options).describe('who gave it: prescriber, specialist, physician or surgeon'),
        date: IsoDate.describe('when it was given'),
        name: FreeText.optional().describe('the clinician who gave it'),
      }))
      .max(30)
      .optional()
      .describe('clearances already given by a clinician: what they cover, who gave them and when'),
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
    needles: z
      .enum(['single_use_sterile', 'own_device_single_user', 'reused', 'unknown'])
      .describe('single_use_sterile: new sterile needles or cartridge; own_device_single_user: your own home device that only you use; reused: single-use needles or cartridges used again'),
    sharedDevice: YesNoUnknown.optional(),
    zones: z
      .array(z.strictObject({
        zone: vocabId('zone', ids(kb.zones)),
        depthMm: z.union([z.number().gt(0).max(10), Unknown]).describe('needle depth setting in mm, or "unknown"'),
        passes: z.number().int().min(1).max(100).optional(),
      }))
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
          if ((m.id === undefined) === (m.name === undefined)) {
            ctx.addIssue({ code: 'custom', path: ['person', 'medications', i], message: 'give either id (a medicine group) or name (the medicine as you know it), not both and not neither' });
          }
          if (m.lastDose !== 'unknown' && m.lastDose !== 'still_taking' && after(m.lastDose)) {
            ctx.addIssue({ code: 'custom', path: ['person', 'medications', i, 'lastDose'], message: `is after the planned treatment date ${planned}: use "still_taking" for a current medicine` });
          }
        });
      }
      (v.person.clearances ?? []).forEach((c, i) => {
        if (after(c.date)) ctx.addIssue({ code: 'custom', path: ['person', 'clearances', i, 'date'], message: `is after the planned treatment date ${planned}: a clearance is recorded once it is given` });
      });
      const seen = new Set<string>();
      v.plan.zones.forEach((z2, i) => {
        if (seen.has(z2.zone)) ctx.addIssue({ code: 'custom', path: ['plan', 'zones', i, 'zone'], message: `zone '${z2.zone}' is listed twice` });
        seen.add(z2.zone);
      });
    });
}

export type ScreeningInput = z.infer<ReturnType<typeof screeningInputSchema>>;
