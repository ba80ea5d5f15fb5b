import type { Knowledge } from '../knowledge/compile.js';
import { evaluate, UNKNOWN, type FactValue, type Facts } from '../knowledge/evaluate.js';
import type { Effect } from '../knowledge/schema.js';
import { fitzpatrickOf } from '../screening/facts.js';
import type { TreatedPerson, TreatmentInput } from './input.js';

/** The treatment.*, person.*, condition.* and medication.* facts of a treatment that has been done. Pure. */
export function treatmentFacts(kb: Knowledge, t: TreatmentInput, person: TreatedPerson): Map<string, FactValue> {
  const f = new Map<string, FactValue>();
  const device = kb.devicesById.get(t.device);
  f.set('treatment.setting', t.setting);
  f.set('treatment.device', t.device);
  f.set('treatment.energy', device?.energy ?? 'unknown');
  f.set('treatment.max_depth_mm', Math.max(...t.zones.map((z) => z.depthMm)));
  // A check-in narrows this to where the signs are (triage engine); without one, the deepest zone.
  f.set('treatment.depth_at_signs_mm', Math.max(...t.zones.map((z) => z.depthMm)));
  let periorbital = false;
  let perioral = false;
  for (const z of t.zones) {
    f.set(`treatment.zone.${z.zone}`, true);
    const v = kb.zonesById.get(z.zone);
    periorbital ||= v?.periorbital ?? false;
    perioral ||= v?.perioral ?? false;
  }
  f.set('treatment.periorbital', periorbital);
  f.set('treatment.perioral', perioral);
  for (const p of t.products) f.set(`treatment.product.${p}`, true);
  const anaesthetic = t.products.some((p) => kb.productsById.get(p)?.category === 'anaesthetic');
  // An omitted answer is unknown, never "no": the triage rules then ask, and the safety net assumes the worst.
  f.set('treatment.numbing_cream', anaesthetic || t.numbingCream === true ? true : t.numbingCream === false ? false : UNKNOWN);
  f.set('treatment.adjunct.adjunct_prp_prf', t.adjunctPrp);
  f.set('treatment.adjunct.adjunct_topicals', t.products.length > 0);
  if (t.indication) f.set('treatment.indication', t.indication);
  if (device?.energy === 'rf') f.set('treatment.rf_energy_high', t.rfEnergy === undefined ? 'unknown' : t.rfEnergy === 'high');
  f.set('treatment.complication_unresolved', t.complicationUnresolved);
  for (const c of t.complications) f.set(`treatment.complication.${c}`, true);
  f.set('person.fitzpatrick', fitzpatrickOf(kb, person).value);
  for (const c of person.conditions) f.set(`condition.${c.id}`, c.status);
  for (const m of person.medications) f.set(`medication.${m.id}`, m.status);
  return f;
}

/**
 * The end of an expected effect's normal window for this treatment (REFERENCE §4.1 depth-aware windows): the
 * longest `normalUntilAdjust` entry whose condition certainly holds, else `normalUntilHours`. Null for complications.
 */
export function normalUntilFor(effect: Effect, facts: Facts): number | null {
  let until = effect.normalUntilHours;
  if (until === null) return null;
  for (const a of effect.normalUntilAdjust ?? []) if (evaluate(a.when, facts) === true && a.normalUntilHours > until) until = a.normalUntilHours;
  return until;
}
