import { daysBetween } from '../common/dates.js';
import type { Knowledge } from '../knowledge/compile.js';
import { UNKNOWN, type FactValue } from '../knowledge/evaluate.js';
import type { PlannedZone } from '../rules/run.js';
import type { ScreeningInput } from './input.js';

const yn = (v: 'yes' | 'no' | 'unknown' | undefined, absent: FactValue = UNKNOWN): FactValue =>
  v === 'yes' ? true : v === 'no' ? false : v === 'unknown' ? UNKNOWN : absent;

type Status = 'active' | 'history' | 'controlled' | 'unknown';
type YesNo = 'yes' | 'no' | 'unknown' | undefined;

/** Entries of a list grouped by id, in order of first appearance: a person may list one id twice (two sites, two courses). */
function groupById<T extends { id: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of list) {
    const es = out.get(e.id);
    if (es) es.push(e);
    else out.set(e.id, [e]);
  }
  return out;
}

// Repeated entries merge towards the more serious answer. Status: active > unknown (it may be active) >
// controlled (still there, kept in check) > history. A rule that holds for `history` also holds for
// `controlled`, so this order never loses a firing rule. Site: yes > unknown > no (not given counts as unknown).
const STATUS_ORDER: readonly Status[] = ['history', 'controlled', 'unknown', 'active'];
const SITE_ORDER: readonly ('yes' | 'no' | 'unknown')[] = ['no', 'unknown', 'yes'];
const most = <T>(order: readonly T[], xs: readonly T[]): T => xs.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));

function setCondition(f: Map<string, FactValue>, id: string, statuses: readonly Status[], sites: readonly YesNo[]): void {
  const status = most(STATUS_ORDER, statuses);
  f.set(`condition.${id}`, status === 'unknown' ? UNKNOWN : status);
  f.set(`condition.${id}.in_field`, yn(most(SITE_ORDER, sites.map((s) => s ?? 'unknown'))));
}

/**
 * One medicine's courses: a course still being taken is the most recent of all; otherwise an unknown last dose
 * may be more recent than any dated one, so the days since the last dose (and whether it is current) are unknown.
 */
function setMedication(f: Map<string, FactValue>, id: string, lastDoses: readonly string[], planned: string): void {
  let status: FactValue;
  let days: FactValue;
  if (lastDoses.includes('still_taking')) [status, days] = ['current', 0];
  else if (lastDoses.includes(UNKNOWN)) [status, days] = [UNKNOWN, UNKNOWN];
  else [status, days] = ['past', Math.min(...lastDoses.map((d) => daysBetween(d, planned)))];
  f.set(`medication.${id}`, status);
  f.set(`medication.${id}.days_since_last_dose`, days);
}

/**
 * One kind of earlier procedure. The rules ask "this procedure in the treated area within N days", so the days
 * since it count only the entries that may have been in the area (in the area, or site not known); entries known
 * to be elsewhere count only when every entry was elsewhere (in_field false then). An unknown date may be the most
 * recent one, so it makes the days unknown. In the field: true when an entry that counts was in the area, else
 * unknown (a dated entry whose site is unknown may be the recent one, which errs towards deferring).
 */
function setProcedure(
  f: Map<string, FactValue>,
  id: string,
  entries: readonly { date: string; inField?: 'yes' | 'no' | 'unknown' }[],
  planned: string,
): void {
  const maybeHere = entries.filter((e) => e.inField !== 'no');
  const counted = maybeHere.length ? maybeHere : entries;
  const days = counted.some((e) => e.date === UNKNOWN) ? UNKNOWN : Math.min(...counted.map((e) => daysBetween(e.date, planned)));
  f.set(`procedure.${id}.days_since`, days);
  f.set(`procedure.${id}.in_field`, maybeHere.length === 0 ? false : maybeHere.some((e) => e.inField === 'yes') ? true : UNKNOWN);
}

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

/**
 * The plan.* facts that follow from the device kind: its id, energy, RF insulation (as stated, else from the
 * kind) and greatest needle length. Shared with the zone-limit scan so the two never derive them differently.
 */
export function deviceFacts(kb: Knowledge, deviceId: string, rfInsulated?: FactValue): [string, FactValue][] {
  const device = kb.devices.find((d) => d.id === deviceId);
  const out: [string, FactValue][] = [['plan.device', deviceId], ['plan.energy', device?.energy ?? UNKNOWN]];
  if (device?.energy === 'rf') out.push(['plan.rf_insulated', rfInsulated ?? deviceId === 'rf_mn_insulated']);
  if (device?.maxReachMm != null) out.push(['plan.device_max_reach_mm', device.maxReachMm]);
  return out;
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
  const selfReport = kb.fitzpatrick.answers.find((a) => a.id === person.fitzpatrickSelfReport);
  if (selfReport) f.set('person.fitzpatrick_self_report', selfReport.type);

  const allUnknown = (prefix: string, list: readonly { id: string }[], suffixes: readonly string[]) => {
    for (const e of list) for (const s of ['', ...suffixes]) f.set(`${prefix}.${e.id}${s}`, UNKNOWN);
  };
  const byCat = (keep: (c: Knowledge['conditions'][number]) => boolean) => kb.conditions.filter(keep);
  if (person.conditions === 'unknown') allUnknown('condition', byCat((c) => c.category !== 'allergy' && c.category !== 'implant'), ['.in_field']);
  else for (const [id, es] of groupById(person.conditions)) setCondition(f, id, es.map((c) => c.status), es.map((c) => c.inField));
  if (person.allergies === 'unknown') allUnknown('condition', byCat((c) => c.category === 'allergy'), []);
  else for (const a of person.allergies) f.set(`condition.${a}`, 'active');
  if (person.implants === 'unknown') allUnknown('condition', byCat((c) => c.category === 'implant'), ['.in_field']);
  else for (const [id, es] of groupById(person.implants)) setCondition(f, id, ['active'], es.map((i) => i.inField));

  if (person.medications === 'unknown') allUnknown('medication', kb.medications, ['.days_since_last_dose']);
  else for (const [id, es] of groupById(person.medications)) setMedication(f, id, es.map((m) => m.lastDose), planned);
  if (person.procedures === 'unknown') allUnknown('procedure', kb.procedures, ['.days_since', '.in_field']);
  else for (const [id, es] of groupById(person.procedures)) setProcedure(f, id, es, planned);

  f.set('plan.setting', plan.setting);
  f.set('plan.operator', plan.operator.role);
  f.set('plan.operator_licensed', yn(plan.operator.licensed));
  for (const [k, v] of deviceFacts(kb, plan.device, plan.rfInsulated ? yn(plan.rfInsulated) : undefined)) f.set(k, v);
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
