import { candidates, type Knowledge } from '../knowledge/compile.js';
import { evaluate, UNKNOWN, type FactValue, type Facts, type Tri } from '../knowledge/evaluate.js';
import type {
  AftercareRule,
  Level,
  SchedulingRule,
  ScreeningRule,
  TriageRule,
  Verdict,
} from '../knowledge/schema.js';
import { maxLevel, maxVerdict, minLevel, minVerdict } from './order.js';

/** A rule whose condition held (`fired`) or could not be decided for want of an answer (`asks`). */
export interface RuleHit<R> {
  readonly rule: R;
  readonly result: 'fired' | 'asks';
  /** The zone a zone-scoped screening rule was evaluated for. */
  readonly zone?: string;
  /** The facts the rule read, with the values it saw. */
  readonly inputs: Readonly<Record<string, FactValue>>;
}

export interface PlannedZone {
  zone: string;
  depthMm: number;
}

function inputsOf(names: readonly string[], facts: Facts): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const n of names) out[n] = facts.get(n) ?? null;
  return out;
}

function hitsFor<R extends { id: string; when?: Condition }>(
  rules: readonly R[],
  reads: ReadonlyMap<string, readonly string[]>,
  facts: Facts,
  test: (r: R) => Tri,
  zone?: string,
): RuleHit<R>[] {
  const out: RuleHit<R>[] = [];
  for (const rule of rules) {
    const t = test(rule);
    if (t === false) continue;
    const hit: RuleHit<R> = { rule, result: t === true ? 'fired' : 'asks', inputs: inputsOf(reads.get(rule.id) ?? [], facts) };
    out.push(zone === undefined ? hit : { ...hit, zone });
  }
  return out;
}
type Condition = Parameters<typeof evaluate>[0];

const readsMap = <R extends { id: string }>(idx: { rules: readonly R[]; reads: readonly (readonly string[])[] }) =>
  new Map(idx.rules.map((r, i) => [r.id, idx.reads[i] ?? []]));

/** The zone.* facts for one planned zone, taken from the zones vocabulary. */
export function zoneFacts(kb: Knowledge, planned: PlannedZone): Map<string, FactValue> {
  const z = kb.zones.find((x) => x.id === planned.zone);
  const m = new Map<string, FactValue>([
    ['zone.id', planned.zone],
    ['zone.depth_mm', planned.depthMm],
  ]);
  if (!z) return m;
  m.set('zone.ceiling_mm', z.ceilingMm);
  m.set('zone.specialist_ceiling_mm', z.specialistCeilingMm ?? null);
  m.set('zone.rf_depth_mm', z.rfDepthMm);
  m.set('zone.bony', z.bony);
  m.set('zone.keloid_prone', z.keloidProne);
  m.set('zone.perioral', z.perioral);
  m.set('zone.periorbital', z.periorbital);
  m.set('zone.region', z.region);
  return m;
}

export interface ScreeningRun {
  readonly hits: readonly RuleHit<ScreeningRule>[];
  readonly verdict: Verdict;
}

/** Evaluates every screening rule for these facts and zones. Pure and deterministic. */
export function runScreeningRules(kb: Knowledge, facts: Facts, zones: readonly PlannedZone[]): ScreeningRun {
  const planReads = readsMap(kb.screeningPlan);
  const zoneReads = readsMap(kb.screeningZone);
  const hits: RuleHit<ScreeningRule>[] = hitsFor(candidates(kb.screeningPlan, facts), planReads, facts, (r) =>
    evaluate(r.when, facts),
  );
  for (const z of zones) {
    const zf = new Map(facts);
    for (const [k, v] of zoneFacts(kb, z)) zf.set(k, v);
    hits.push(...hitsFor(candidates(kb.screeningZone, zf), zoneReads, zf, (r) => evaluate(r.when, zf), z.zone));
  }
  const cap = kb.manifest.policy.unknownBlockingVerdict;
  let verdict: Verdict = 'proceed';
  for (const h of hits) {
    verdict = maxVerdict(verdict, h.result === 'fired' ? h.rule.then.verdict : minVerdict(h.rule.then.verdict, cap));
  }
  return { hits, verdict };
}

/** Whether the check-in time lies in the rule's window: [from, to). */
function inWindow(kb: Knowledge, rule: TriageRule, facts: Facts): Tri {
  if (!rule.window) return true;
  const w = kb.timeWindows.find((x) => x.id === rule.window);
  if (!w) return false;
  const h = facts.get('checkin.hours_since_treatment') ?? null;
  if (h === UNKNOWN) return UNKNOWN;
  if (typeof h !== 'number') return false;
  return h >= w.fromHours && (w.toHours === null || h < w.toHours);
}

export interface TriageRun {
  readonly hits: readonly RuleHit<TriageRule>[];
  readonly level: Level;
}

export function runTriageRules(kb: Knowledge, facts: Facts): TriageRun {
  const reads = readsMap(kb.triage);
  const hits = hitsFor(candidates(kb.triage, facts), reads, facts, (r) => {
    const w = inWindow(kb, r, facts);
    if (w === false) return false;
    const c = evaluate(r.when, facts);
    if (c === false) return false;
    return w === true && c === true ? true : UNKNOWN;
  });
  const floor = kb.manifest.policy.unknownTriageFloor;
  let level: Level = 'self_care';
  for (const h of hits) level = maxLevel(level, h.result === 'fired' ? h.rule.then.level : minLevel(h.rule.then.level, floor));
  return { hits, level };
}

export interface AftercareItem {
  readonly rule: AftercareRule;
  readonly untilHours: number | null;
  /** Reasons of the adjustments that changed the window. */
  readonly adjustedBy: readonly string[];
  readonly inputs: Readonly<Record<string, FactValue>>;
}

/** Aftercare rules that apply. An applicability that cannot be decided counts as applying. */
export function runAftercareRules(kb: Knowledge, facts: Facts): AftercareItem[] {
  const reads = readsMap(kb.aftercare);
  const out: AftercareItem[] = [];
  for (const rule of kb.aftercare.rules) {
    if (rule.when && evaluate(rule.when, facts) === false) continue;
    let until = rule.untilHours;
    const adjustedBy: string[] = [];
    for (const a of rule.adjust ?? []) {
      if (evaluate(a.when, facts) === false) continue;
      if (until !== null && a.untilHours > until) {
        until = a.untilHours;
        adjustedBy.push(a.reason);
      }
    }
    out.push({ rule, untilHours: until, adjustedBy, inputs: inputsOf(reads.get(rule.id) ?? [], facts) });
  }
  return out;
}

export interface SchedulingRun {
  readonly hits: readonly RuleHit<SchedulingRule>[];
  readonly minIntervalDays: number | null;
}

export function runSchedulingRules(kb: Knowledge, facts: Facts): SchedulingRun {
  const reads = readsMap(kb.scheduling);
  const hits = hitsFor(candidates(kb.scheduling, facts), reads, facts, (r) => evaluate(r.when, facts));
  let min: number | null = null;
  for (const h of hits) {
    const d = h.rule.then.minIntervalDays;
    if (h.result === 'fired' && d !== null) min = min === null ? d : Math.max(min, d);
  }
  return { hits, minIntervalDays: min };
}
