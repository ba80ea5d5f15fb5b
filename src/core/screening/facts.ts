import { daysBetween } from '../common/dates.js';
import type { Knowledge } from '../knowledge/compile.js';
import { UNKNOWN, type FactValue } from '../knowledge/evaluate.js';
import type { PlannedZone } from '../rules/run.js';
import type { ScreeningInput } from './input.js';

const yn = (v: 'yes' | 'no' | 'unknown' | undefined, absent: FactValue = UNKNOWN): FactValue =>
  v === 'yes' ? true : v === 'no' ? false : v === 'unknown' ? UNKNOWN : absent;

/** The skin type used: as stated, else derived from the self-report answer, else unknown. */
export function fitzpatrickOf(
  kb: Knowledge,
  person: { fitzpatrick?: number | 'unknown'; fitzpatrickSelfReport?: string },
): { value: number | typeof UNKNOWN; from: 'stated' | 'self_report' | 'unknown' } {
  const { fitzpatrick, fitzpatrickSelfReport } = person;
  if (typeof fitzpatrick === 'number') return { value: fitzpatrick, from: 'stated' };
  const answer = kb.fitzpatrick.answers.find((a) => a.id === fitzpatrickSelfReport);
  return answer ? { value: answer.type, from: 'self_report' } : { value: UNKNOWN, from: 'unknown' };
}

/** Turns a validated screening request into the facts the screening rules test. Pure. */
export function screeningFacts(kb: Knowledge, input: ScreeningInput): { facts: Map<string, FactValue>; zones: PlannedZone[] } {
  const { person, plan } = input;
  const f = new Map<string, FactValue>();
  const planned = plan.plannedDate;

  f.set('person.age', person.age);
  if (person.sex) f.set('person.sex', person.sex);
  f.set('person.pregnant', yn(person.pregnant));
  f.set('person.breastfeeding', yn(person.breastfeeding));
  f.set('person.fitzpatrick', fitzpatrickOf(kb, person).value);

  const allUnknown = (prefix: string, list: readonly { id: string }[], suffixes: readonly string[]) => {
    for (const e of list) for (const s of ['', ...suffixes]) f.set(`${prefix}.${e.id}${s}`, UNKNOWN);
  };
  const byCat = (keep: (c: Knowledge['conditions'][number]) => boolean) => kb.conditions.filter(keep);
  if (person.conditions === 'unknown') allUnknown('condition', byCat((c) => c.category !== 'allergy' && c.category !== 'implant'), ['.in_field']);
  else {
    for (const c of person.conditions) {
      f.set(`condition.${c.id}`, c.status === 'unknown' ? UNKNOWN : c.status);
      f.set(`condition.${c.id}.in_field`, yn(c.inField));
    }
  }
  if (person.allergies === 'unknown') allUnknown('condition', byCat((c) => c.category === 'allergy'), []);
  else for (const a of person.allergies) f.set(`condition.${a}`, 'active');
  if (person.implants === 'unknown') allUnknown('condition', byCat((c) => c.category === 'implant'), ['.in_field']);
  else {
    for (const i of person.implants) {
      f.set(`condition.${i.id}`, 'active');
      f.set(`condition.${i.id}.in_field`, yn(i.inField));
    }
  }

  if (person.medications === 'unknown') allUnknown('medication', kb.medications, ['.days_since_last_dose']);
  else {
    for (const m of person.medications) {
      const status = m.lastDose === 'still_taking' ? 'current' : m.lastDose === 'unknown' ? UNKNOWN : 'past';
      const days = m.lastDose === 'still_taking' ? 0 : m.lastDose === 'unknown' ? UNKNOWN : daysBetween(m.lastDose, planned);
      const prev = f.get(`medication.${m.id}.days_since_last_dose`);
      if (prev === undefined || prev === UNKNOWN || (typeof days === 'number' && typeof prev === 'number' && days < prev)) {
        f.set(`medication.${m.id}`, status);
        f.set(`medication.${m.id}.days_since_last_dose`, days);
      }
    }
  }
  if (person.procedures === 'unknown') allUnknown('procedure', kb.procedures, ['.days_since', '.in_field']);
  else {
    for (const p of person.procedures) {
      const days = p.date === 'unknown' ? UNKNOWN : daysBetween(p.date, planned);
      const key = `procedure.${p.id}.days_since`;
      const prev = f.get(key);
      // Keep the most recent (or unknown, which may be more recent than any known date).
      if (prev === undefined || days === UNKNOWN || (typeof prev === 'number' && typeof days === 'number' && days < prev)) f.set(key, days);
      const inField = yn(p.inField);
      const prevIn = f.get(`procedure.${p.id}.in_field`);
      if (prevIn !== true) f.set(`procedure.${p.id}.in_field`, inField === true ? true : prevIn === UNKNOWN ? UNKNOWN : inField);
    }
  }

  const device = kb.devices.find((d) => d.id === plan.device);
  f.set('plan.setting', plan.setting);
  f.set('plan.operator', plan.operator.role);
  f.set('plan.operator_licensed', yn(plan.operator.licensed));
  f.set('plan.device', plan.device);
  f.set('plan.energy', device?.energy ?? UNKNOWN);
  if (device?.energy === 'rf') f.set('plan.rf_insulated', plan.rfInsulated ? yn(plan.rfInsulated) : plan.device === 'rf_mn_insulated');
  if (device?.maxReachMm != null) f.set('plan.device_max_reach_mm', device.maxReachMm);
  if (plan.deviceLabelMaxDepthMm !== undefined) f.set('plan.device_label_max_depth_mm', plan.deviceLabelMaxDepthMm);
  f.set('plan.needle_material', plan.needleMaterial === 'unknown' ? UNKNOWN : plan.needleMaterial);
  f.set('plan.needles', plan.needles === 'unknown' ? UNKNOWN : plan.needles);
  f.set('plan.shared_device', yn(plan.sharedDevice, plan.setting === 'home' ? UNKNOWN : false));
  f.set('plan.max_depth_mm', Math.max(...plan.zones.map((z) => z.depthMm)));
  const passes = plan.zones.map((z) => z.passes).filter((p): p is number => p !== undefined);
  if (passes.length) f.set('plan.max_passes', Math.max(...passes));
  f.set('plan.indication', plan.indication);
  f.set('plan.adjunct.adjunct_prp_prf', plan.adjunctPrp);
  f.set('plan.adjunct.adjunct_topicals', plan.products.length > 0);
  for (const z of plan.zones) f.set(`plan.zone.${z.zone}`, true);

  let productRisk: FactValue = false;
  for (const p of plan.products) {
    f.set(`plan.product.${p.id}`, true);
    const intended = p.intendedForNeedledSkin ?? (kb.products.find((x) => x.id === p.id)?.intendedForNeedledSkin ? 'yes' : 'no');
    if (p.sterile === 'no' || intended === 'no') productRisk = true;
    else if (productRisk === false && (p.sterile === 'unknown' || intended === 'unknown')) productRisk = UNKNOWN;
  }
  f.set('plan.product_not_sterile_or_not_intended', productRisk);
  const anaesthetic = plan.products.some((p) => kb.products.find((x) => x.id === p.id)?.category === 'anaesthetic');
  f.set('plan.numbing_cream', anaesthetic ? true : yn(plan.numbingCream?.used, false));
  if (plan.numbingCream?.used !== 'no' && plan.numbingCream) f.set('plan.numbing_occluded_or_large_area', yn(plan.numbingCream.occludedOrLargeArea));

  return { facts: f, zones: plan.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm })) };
}
