import { daysBetween } from '../common/dates.js';
import type { Knowledge } from '../knowledge/compile.js';
import { UNKNOWN, type FactValue } from '../knowledge/evaluate.js';
import type { PlannedZone } from '../rules/run.js';
import type { ScreeningInput } from './input.js';
import { resolveMedication } from './medication-names.js';

const yn = (v: 'yes' | 'no' | 'unknown' | undefined, absent: FactValue = UNKNOWN): FactValue =>
  v === 'yes' ? true : v === 'no' ? false : v === 'unknown' ? UNKNOWN : absent;

type Status = 'active' | 'history' | 'controlled' | 'unknown';
type InputStatus = Status | 'not_now_unsure_before';

/** "Not now, not sure about before" counts as a past history: the person can say what is there today, and a history is the careful reading. */
const statusOf = (s: InputStatus): Status => (s === 'not_now_unsure_before' ? 'history' : s);
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

/**
 * A medicine entry's group id: as given, or found from the name the person knows. Null: a known medicine Primum does
 * not screen for (paracetamol); undefined: a name Primum does not know, which is kept and shown as unchecked.
 */
export function medicationIdOf(kb: Knowledge, m: { id?: string; name?: string }): string | null | undefined {
  if (m.id !== undefined) return m.id;
  const r = resolveMedication(kb, m.name ?? '');
  return r.ok ? r.id : undefined;
}

/** The free-text answers Primum cannot check: "something else" conditions and medicine names it does not know. */
export function unlistedOf(kb: Knowledge, person: ScreeningInput['person']): { conditions: string[]; medicines: string[] } {
  const medicines = Array.isArray(person.medications)
    ? person.medications.filter((m) => medicationIdOf(kb, m) === undefined).map((m) => m.name ?? '')
    : [];
  return { conditions: [...(person.otherConditions ?? [])], medicines };
}

type PlanProduct = ScreeningInput['plan']['products'][number];

/** Whether a product may be unsafe in open channels: yes, unknown (sterility or intended use not known) or no. */
function productFlag(kb: Knowledge, p: PlanProduct): FactValue {
  const intended = p.intendedForNeedledSkin ?? (kb.productsById.get(p.id)?.intendedForNeedledSkin ? 'yes' : 'no');
  if (p.sterile === 'no' || intended === 'no') return true;
  if (p.sterile === 'unknown' || intended === 'unknown') return UNKNOWN;
  return false;
}

const isBland = (kb: Knowledge, id: string): boolean => kb.productsById.get(id)?.blandAftercare === true;
/** Numbing creams are judged by the numbing-cream rules (setting, area, occlusion), not as products left in open channels. */
const isAnaesthetic = (kb: Knowledge, id: string): boolean => kb.productsById.get(id)?.category === 'anaesthetic';

/** Combines flags: true wins, then unknown, then false. */
const anyOf = (flags: readonly FactValue[]): FactValue => (flags.includes(true) ? true : flags.includes(UNKNOWN) ? UNKNOWN : false);

/** Product risk split into actives/serums and plain aftercare (moisturiser, hyaluronic serum), which is fine at <= 0.25 mm. */
export function productRisk(kb: Knowledge, products: readonly PlanProduct[]): { active: FactValue; bland: FactValue } {
  return {
    active: anyOf(products.filter((p) => !isBland(kb, p.id) && !isAnaesthetic(kb, p.id)).map((p) => productFlag(kb, p))),
    bland: anyOf(products.filter((p) => isBland(kb, p.id)).map((p) => productFlag(kb, p))),
  };
}

/** The products of a plan that may be unsafe in open channels (flag true or unknown), plain aftercare included. */
export function flaggedProducts(kb: Knowledge, products: readonly PlanProduct[]): string[] {
  return products.filter((p) => !isAnaesthetic(kb, p.id) && productFlag(kb, p) !== false).map((p) => p.id);
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
  const device = kb.devicesById.get(deviceId);
  const out: [string, FactValue][] = [['plan.device', deviceId], ['plan.energy', device?.energy ?? UNKNOWN]];
  if (device?.energy === 'rf') out.push(['plan.rf_insulated', rfInsulated ?? deviceId === 'rf_mn_insulated']);
  if (device?.maxReachMm != null) out.push(['plan.device_max_reach_mm', device.maxReachMm]);
  return out;
}

/** Turns a validated screening request into the facts the screening rules test. Pure. */
export function screeningFacts(
  kb: Knowledge,
  input: ScreeningInput,
): { facts: Map<string, FactValue>; zones: PlannedZone[]; unchecked: { conditions: string[]; medicines: string[] } } {
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
  else for (const [id, es] of groupById(person.conditions)) setCondition(f, id, es.map((c) => statusOf(c.status)), es.map((c) => c.inField));
  if (person.allergies === 'unknown') allUnknown('condition', byCat((c) => c.category === 'allergy'), []);
  else for (const a of person.allergies) f.set(`condition.${a}`, 'active');
  if (person.implants === 'unknown') allUnknown('condition', byCat((c) => c.category === 'implant'), ['.in_field']);
  else for (const [id, es] of groupById(person.implants)) setCondition(f, id, ['active'], es.map((i) => i.inField));

  if (person.medications === 'unknown') allUnknown('medication', kb.medications, ['.days_since_last_dose']);
  else {
    const known = person.medications.flatMap((m) => {
      const id = medicationIdOf(kb, m);
      return id === undefined || id === null ? [] : [{ ...m, id }];
    });
    for (const [id, es] of groupById(known)) {
      setMedication(f, id, es.map((m) => m.lastDose), planned);
      f.set(`medication.${id}.plan_to_stop`, yn(most(SITE_ORDER, es.map((m) => m.planToStop ?? 'no'))));
    }
  }
  const unlisted = unlistedOf(kb, person);
  // A medicine Primum cannot name may be a blood thinner, an immune medicine or isotretinoin: until it is named, those
  // questions count as unanswered (never as "no"), unless the person listed that group already.
  if (unlisted.medicines.length > 0) {
    for (const id of kb.manifest.policy.unnamedMedicineMayBe ?? []) {
      if (f.has(`medication.${id}`)) continue;
      f.set(`medication.${id}`, UNKNOWN);
      f.set(`medication.${id}.days_since_last_dose`, UNKNOWN);
    }
  }
  f.set('person.unlisted_conditions', unlisted.conditions.length > 0);
  f.set('person.unlisted_medicines', unlisted.medicines.length > 0);
  // A clearance recorded on or before the planned date: the role who gave it, and when (the latest per subject).
  for (const c of [...(person.clearances ?? [])].sort((a, b) => a.date.localeCompare(b.date))) {
    if (c.date > planned) continue;
    const kind = kb.conditionsById.has(c.covers) ? 'condition' : kb.medicationsById.has(c.covers) ? 'medication' : 'procedure';
    f.set(`clearance.${kind}.${c.covers}`, c.by);
    f.set(`clearance.${kind}.${c.covers}.date`, c.date);
  }
  if (person.procedures === 'unknown') allUnknown('procedure', kb.procedures, ['.days_since', '.in_field']);
  else for (const [id, es] of groupById(person.procedures)) setProcedure(f, id, es, planned);

  f.set('plan.setting', plan.setting);
  f.set('plan.operator', plan.operator.role);
  f.set('plan.operator_licensed', yn(plan.operator.licensed));
  for (const [k, v] of deviceFacts(kb, plan.device, plan.rfInsulated ? yn(plan.rfInsulated) : undefined)) f.set(k, v);
  if (plan.deviceLabelMaxDepthMm !== undefined) f.set('plan.device_label_max_depth_mm', plan.deviceLabelMaxDepthMm);
  f.set('plan.needle_material', plan.needleMaterial === 'unknown' ? UNKNOWN : plan.needleMaterial);
  f.set('plan.needles', plan.needles === 'unknown' ? UNKNOWN : plan.needles);
  // Own device used only by its owner: not shared, by definition, unless the person says otherwise.
  const sharedDefault: FactValue = plan.needles === 'own_device_single_user' ? false : plan.setting === 'home' ? UNKNOWN : false;
  f.set('plan.shared_device', yn(plan.sharedDevice, sharedDefault));
  const depths = plan.zones.map((z) => z.depthMm);
  f.set('plan.max_depth_mm', depths.some((d) => d === UNKNOWN) ? UNKNOWN : Math.max(...depths.filter((d): d is number => typeof d === 'number')));
  const passes = plan.zones.map((z) => z.passes).filter((p): p is number => p !== undefined);
  if (passes.length) f.set('plan.max_passes', Math.max(...passes));
  f.set('plan.indication', plan.indication);
  f.set('plan.adjunct.adjunct_prp_prf', plan.adjunctPrp);
  f.set('plan.adjunct.adjunct_topicals', plan.products.length > 0);
  for (const z of plan.zones) f.set(`plan.zone.${z.zone}`, true);

  const risk = productRisk(kb, plan.products);
  for (const p of plan.products) f.set(`plan.product.${p.id}`, true);
  f.set('plan.product_not_sterile_or_not_intended', risk.active);
  f.set('plan.product_bland_not_sterile', risk.bland);
  const anaesthetic = plan.products.some((p) => kb.productsById.get(p.id)?.category === 'anaesthetic');
  f.set('plan.numbing_cream', anaesthetic ? true : yn(plan.numbingCream?.used, false));
  if (plan.numbingCream?.used !== 'no' && plan.numbingCream) f.set('plan.numbing_occluded_or_large_area', yn(plan.numbingCream.occludedOrLargeArea));

  return { facts: f, zones: plan.zones.map((z) => ({ zone: z.zone, depthMm: z.depthMm === UNKNOWN ? UNKNOWN : z.depthMm })), unchecked: unlisted };
}
