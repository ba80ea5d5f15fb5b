import { candidates, type Knowledge } from '../knowledge/compile.js';
import type { Condition } from '../knowledge/condition.js';
import { evaluate, UNKNOWN, type FactValue, type Facts, type Tri } from '../knowledge/evaluate.js';
import type {
  AftercareRule,
  EffectClass,
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
  depthMm: number | typeof UNKNOWN;
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

/** Facts layered over others (zone facts over the plan's, a check-in's over the treatment's), without copying them. */
export class Overlay implements Facts {
  constructor(private readonly top: ReadonlyMap<string, FactValue>, private readonly base: Facts) {}
  get(k: string): FactValue | undefined {
    return this.top.has(k) ? this.top.get(k) : this.base.get(k);
  }
  has(k: string): boolean {
    return this.top.has(k) || this.base.has(k);
  }
  get size(): number {
    return this.top.size + this.base.size;
  }
  *entries(): MapIterator<[string, FactValue]> {
    yield* this.top.entries();
    for (const e of this.base.entries()) if (!this.top.has(e[0])) yield e;
  }
  [Symbol.iterator](): MapIterator<[string, FactValue]> {
    return this.entries();
  }
  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<FactValue> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(cb: (v: FactValue, k: string, m: ReadonlyMap<string, FactValue>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
}

const NO_ZONE_FACTS: ReadonlyMap<string, FactValue> = new Map();

/** The zone.* facts for one planned zone, taken from the zones vocabulary. */
export function zoneFacts(kb: Knowledge, planned: PlannedZone): Map<string, FactValue> {
  const m = new Map<string, FactValue>(kb.zoneFactsById.get(planned.zone) ?? NO_ZONE_FACTS);
  m.set('zone.id', planned.zone);
  m.set('zone.depth_mm', planned.depthMm);
  return m;
}

/** How a clearance finding stands: still needed, recorded by someone, or decided by the treating physician. */
export type ClearanceState =
  | { readonly status: 'needed' }
  | { readonly status: 'recorded'; readonly covers: string; readonly by: string; readonly date: string | null }
  | { readonly status: 'physician_operator' };

/** A screening hit with what it does to this plan: its effect class after clearances, and its verdict after unknowns. */
export interface ScreeningHit extends RuleHit<ScreeningRule> {
  /** The rule's effect class as it applies here: a `clearance` rule that is cleared counts as `precaution`. */
  readonly effect: EffectClass;
  /** The verdict this hit gives: from the effect class, capped at policy `unknownBlockingVerdict` while it only asks. */
  readonly verdict: Verdict;
  readonly clearance?: ClearanceState;
}

export interface ScreeningRun {
  readonly hits: readonly ScreeningHit[];
  readonly verdict: Verdict;
}

/** The vocabularies a clearance may cover; facts are `clearance.<kind>.<id>`. */
export const CLEARANCE_KINDS = ['condition', 'medication', 'procedure'] as const;

/**
 * Whether a clearance rule is cleared: a clearance recorded (fact `clearance.<kind>.<id>` = the role who gave it) for one
 * of the ids it covers by a role it accepts, or a physician treating where the rule lets a physician decide.
 */
function clearanceState(rule: ScreeningRule, facts: Facts): ClearanceState | undefined {
  const c = rule.then.clearance;
  if (rule.then.effect !== 'clearance' || !c) return undefined;
  for (const id of c.covers) {
    for (const kind of CLEARANCE_KINDS) {
      const by = facts.get(`clearance.${kind}.${id}`);
      if (typeof by === 'string' && (c.by as readonly string[]).includes(by)) {
        const date = facts.get(`clearance.${kind}.${id}.date`);
        return { status: 'recorded', covers: id, by, date: typeof date === 'string' ? date : null };
      }
    }
  }
  if (c.physicianMayDecide && facts.get('plan.operator') === 'physician') return { status: 'physician_operator' };
  return { status: 'needed' };
}

/** The verdict of each effect class, from the knowledge (REFERENCE §0.2). */
export function verdictOfEffect(kb: Knowledge, effect: EffectClass): Verdict {
  return kb.effectClassesById.get(effect)?.verdict ?? 'defer';
}

/**
 * The one place where an unanswered question meets a screening rule: a rule that fired gives the verdict of its
 * effect class; one that only asks gives at most policy `unknownBlockingVerdict` (it never raises the rule's own).
 */
function screeningHit(kb: Knowledge, h: RuleHit<ScreeningRule>, facts: Facts): ScreeningHit {
  const clearance = clearanceState(h.rule, facts);
  const effect: EffectClass = clearance && clearance.status !== 'needed' ? 'precaution' : h.rule.then.effect;
  const full = verdictOfEffect(kb, effect);
  const verdict = h.result === 'fired' ? full : minVerdict(full, kb.manifest.policy.unknownBlockingVerdict);
  // A fixed shape built field by field: an object spread here was several times slower (V8 clone path).
  return { rule: h.rule, result: h.result, zone: h.zone, inputs: h.inputs, effect, verdict, clearance };
}

/** Evaluates every screening rule for these facts and zones. Pure and deterministic. */
export function runScreeningRules(kb: Knowledge, facts: Facts, zones: readonly PlannedZone[]): ScreeningRun {
  const hits: RuleHit<ScreeningRule>[] = hitsFor(candidates(kb.screeningPlan, facts), kb.screeningPlan.readsById, facts, (r) =>
    evaluate(r.when, facts),
  );
  // Zone rules triggered by plan facts are the same for every zone: find them once.
  const fromPlan = candidates(kb.screeningZone, facts);
  for (const z of zones) {
    const top = zoneFacts(kb, z);
    const zf = new Overlay(top, facts);
    const fromZone = candidates(kb.screeningZone, top);
    const ordered = fromZone.length === 0 ? fromPlan : kb.screeningZone.rules.filter((r) => fromPlan.includes(r) || fromZone.includes(r));
    hits.push(...hitsFor(ordered, kb.screeningZone.readsById, zf, (r) => evaluate(r.when, zf), z.zone));
  }
  const out = hits.map((h) => screeningHit(kb, h, facts));
  let verdict: Verdict = 'proceed';
  for (const h of out) verdict = maxVerdict(verdict, h.verdict);
  return { hits: out, verdict };
}

/** Whether the check-in time lies in the rule's window: [from, to). */
export function inWindow(kb: Knowledge, rule: TriageRule, facts: Facts): Tri {
  if (!rule.window) return true;
  const w = kb.timeWindowsById.get(rule.window);
  if (!w) return false;
  const h = facts.get('checkin.hours_since_treatment') ?? null;
  if (h === UNKNOWN) return UNKNOWN;
  if (typeof h !== 'number') return false;
  return h >= w.fromHours && (w.toHours === null || h < w.toHours);
}

/** A triage hit with the level it gives: the rule's level when it fired, at most policy `unknownTriageFloor` while it asks. */
export interface TriageHit extends RuleHit<TriageRule> {
  readonly level: Level;
}

export interface TriageRun {
  readonly hits: readonly TriageHit[];
  readonly level: Level;
}

/** The one place where an unanswered question meets a triage rule (see `screeningHit`). */
export function triageHitLevel(kb: Knowledge, rule: TriageRule, result: 'fired' | 'asks'): Level {
  return result === 'fired' ? rule.then.level : minLevel(rule.then.level, kb.manifest.policy.unknownTriageFloor);
}

export function runTriageRules(kb: Knowledge, facts: Facts): TriageRun {
  const hits = hitsFor(candidates(kb.triage, facts), kb.triage.readsById, facts, (r) => {
    const w = inWindow(kb, r, facts);
    if (w === false) return false;
    const c = evaluate(r.when, facts);
    if (c === false) return false;
    return w === true && c === true ? true : UNKNOWN;
  });
  const out = hits.map((h): TriageHit => ({ rule: h.rule, result: h.result, zone: h.zone, inputs: h.inputs, level: triageHitLevel(kb, h.rule, h.result) }));
  let level: Level = 'self_care';
  for (const h of out) level = maxLevel(level, h.level);
  return { hits: out, level };
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
  const reads = kb.aftercare.readsById;
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
  /** Null when no rule sets one, or when a rule blocks retreatment until review. */
  readonly minIntervalDays: number | null;
  readonly blocked: boolean;
}

export function runSchedulingRules(kb: Knowledge, facts: Facts): SchedulingRun {
  const hits = hitsFor(candidates(kb.scheduling, facts), kb.scheduling.readsById, facts, (r) => evaluate(r.when, facts));
  let min: number | null = null;
  let blocked = false;
  for (const h of hits) {
    if (h.result !== 'fired') continue;
    blocked ||= h.rule.then.blocksRetreatment;
    const d = h.rule.then.minIntervalDays;
    if (d !== null) min = min === null ? d : Math.max(min, d);
  }
  return { hits, minIntervalDays: blocked ? null : min, blocked };
}
