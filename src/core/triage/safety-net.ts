import { candidates, type Knowledge } from '../knowledge/compile.js';
import type { Condition, Predicate } from '../knowledge/condition.js';
import { evaluate, factsOf, UNKNOWN, type FactValue, type Facts, type Tri } from '../knowledge/evaluate.js';
import type { Level, Symptom } from '../knowledge/schema.js';
import { textOf } from '../common/text.js';
import { levelRank, maxLevel } from '../rules/order.js';
import { inWindow, Overlay, triageHitLevel, type TriageRun } from '../rules/run.js';
import { normalUntilFor } from '../treatment/facts.js';

export interface SafetyNetSign {
  readonly symptomId: string;
  /** The sign in plain words, with the days it applies to when its level depends on the day, e.g. "Pain (from day 1)". */
  readonly label: string;
  /** When this level applies, in hours after treatment ([fromHours, untilHours]); absent when it applies throughout. */
  readonly fromHours?: number;
  /** Null: to the end of the healing period and beyond. */
  readonly untilHours?: number | null;
}

export interface SafetyNetItem {
  readonly level: Level;
  readonly label: string;
  readonly timeFrame: string;
  readonly words: string;
  /** The signs a check-in would send to this level, each on its own. */
  readonly signs: readonly SafetyNetSign[];
}

/** Facts that describe a check-in rather than the treatment or the person: the safety net sets them itself. */
const isCheckInFact = (k: string) => k.startsWith('checkin.') || k.startsWith('symptom.') || k === 'person.temperature_c';

/**
 * The level of a triage run when every unknown fact about the treatment or the person takes its worst value:
 * a rule that asks only because of such a fact (e.g. numbing cream not recorded) counts as firing. Used where
 * nobody can be asked, such as a plan handed out in advance. A rule that waits on a symptom answer keeps the
 * level its hit gives (the policy floor).
 */
export function worstCaseLevel(kb: Knowledge, run: TriageRun): Level {
  let level: Level = 'self_care';
  for (const h of run.hits) {
    const onlyBackground = Object.entries(h.inputs).every(([k, v]) => v !== UNKNOWN || !isCheckInFact(k));
    level = maxLevel(level, onlyBackground ? triageHitLevel(kb, h.rule, 'fired') : h.level);
  }
  return level;
}

/** Every hour at which a triage rule or time window can change its answer. */
function hourBreakpoints(kb: Knowledge): number[] {
  const out = new Set<number>();
  for (const w of kb.timeWindows) {
    out.add(w.fromHours);
    if (w.toHours !== null) out.add(w.toHours);
  }
  const walk = (c: Condition) => {
    if ('fact' in c) {
      if (c.fact !== 'checkin.hours_since_treatment') return;
      for (const v of [c.gt, c.gte, c.lt, c.lte, c.eq]) if (typeof v === 'number') out.add(v);
    } else if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else walk(c.not);
  };
  for (const r of kb.triage.rules) walk(r.when);
  return [...out].sort((a, b) => a - b);
}

/** The healing period the safety net covers: to the end of the day of the last check-in. */
export const safetyNetHorizonHours = (kb: Knowledge): number => (Math.floor(Math.max(0, ...kb.checkIns.map((c) => c.hours)) / 24) + 1) * 24;

/**
 * Sample times that see every answer the rules can give before `horizon`: each breakpoint itself and one time
 * inside each gap, with the span of hours each stands for.
 */
export function checkInSamples(kb: Knowledge, horizon: number): { at: number; from: number; to: number }[] {
  const points = [0, ...hourBreakpoints(kb).filter((b) => b > 0 && b < horizon), horizon];
  const out: { at: number; from: number; to: number }[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const a = points[i] ?? 0;
    const b = points[i + 1] ?? horizon;
    out.push({ at: a, from: a, to: a }, { at: (a + b) / 2, from: a, to: b });
  }
  return out;
}

/** The place facts of a sign whose place was not given: unknown, which never lowers urgency. */
export function setPlaceUnknown(f: Map<string, FactValue>, symptomId: string): void {
  f.set(`symptom.${symptomId}.place_known`, false);
  f.set(`symptom.${symptomId}.near_eye`, UNKNOWN);
  f.set(`symptom.${symptomId}.perioral`, UNKNOWN);
}

/** The check-in facts of a check-in that reports this one sign and answers "no" to every other warning sign. */
function checkInWith(kb: Knowledge, s: Symptom, hours: number): Map<string, FactValue> {
  const f = new Map<string, FactValue>();
  f.set('checkin.hours_since_treatment', hours);
  for (const r of kb.symptoms) if (r.redFlag) f.set(`symptom.${r.id}`, false);
  f.set(`symptom.${s.id}`, true);
  // Like a check-in that does not say where the sign is.
  setPlaceUnknown(f, s.id);
  if (!s.redFlag) {
    // A listed symptom at its mildest: mild, improving, on the treated skin, there since the treatment.
    f.set(`symptom.${s.id}.severity`, 'mild');
    f.set(`symptom.${s.id}.trend`, 'improving');
    f.set(`symptom.${s.id}.beyond_treated_area`, false);
    f.set(`symptom.${s.id}.hours_since_onset`, hours);
  }
  return f;
}

const day = (h: number) => Math.floor(h / 24);

/** "from day 4", "days 1–3", "in the first 6 hours": the span of hours a level applies to, in words. */
function spanWords(kb: Knowledge, from: number, to: number, horizon: number): string {
  const whole = (h: number) => h % 24 === 0;
  if (to >= horizon) return from === 0 ? '' : whole(from) ? textOf(kb, 'tri_span_from_day', { day: day(from) }) : textOf(kb, 'tri_span_after_hours', { hours: from });
  if (from === 0 && !whole(to)) return textOf(kb, 'tri_span_first_hours', { hours: to });
  if (whole(from) && whole(to)) {
    const last = day(to) - 1;
    return last <= day(from) ? textOf(kb, 'tri_span_on_day', { day: day(from) }) : textOf(kb, 'tri_span_days', { from: day(from), to: last });
  }
  return textOf(kb, 'tri_span_between_hours', { from, to });
}

/**
 * What is left of a triage rule's condition once a check-in's own facts are filled in: a truth value, or a
 * condition on the treatment's and the person's facts only. A test that reads both kinds of fact keeps the
 * check-in facts it needs (`top`).
 */
type Residual =
  | boolean
  | typeof UNKNOWN
  | Predicate
  | { readonly all: readonly Residual[] }
  | { readonly any: readonly Residual[] }
  | { readonly not: Residual }
  | { readonly test: Predicate; readonly top: Facts };

const readsOf = (p: Predicate) => [...factsOf(p)];

/** Fills the check-in facts into a condition and simplifies it (Kleene logic, as `evaluate`). */
function residualOf(c: Condition, checkIn: Facts): Residual {
  if ('fact' in c) {
    const names = readsOf(c);
    if (names.every(isCheckInFact)) return evaluate(c, checkIn);
    return names.some(isCheckInFact) ? { test: c, top: checkIn } : c;
  }
  if ('not' in c) {
    const r = residualOf(c.not, checkIn);
    return r === UNKNOWN ? UNKNOWN : typeof r === 'boolean' ? !r : { not: r };
  }
  const all = 'all' in c;
  const parts = all ? c.all : c.any;
  const kept: Residual[] = [];
  let unknown = false;
  for (const child of parts) {
    const r = residualOf(child, checkIn);
    if (r === !all) return !all;
    if (r === all) continue;
    if (r === UNKNOWN) unknown = true;
    else kept.push(r);
  }
  if (kept.length === 0) return unknown ? UNKNOWN : all;
  if (unknown) kept.push(UNKNOWN);
  return kept.length === 1 && kept[0] !== undefined ? kept[0] : all ? { all: kept } : { any: kept };
}

function evaluateResidual(r: Residual, base: Facts): Tri {
  if (typeof r === 'boolean' || r === UNKNOWN) return r;
  if ('fact' in r) return evaluate(r, base);
  if ('test' in r) return evaluate(r.test, new Overlay(r.top, base));
  if ('not' in r) {
    const x = evaluateResidual(r.not, base);
    return x === UNKNOWN ? UNKNOWN : !x;
  }
  const all = 'all' in r;
  let unknown = false;
  for (const child of all ? r.all : r.any) {
    const x = evaluateResidual(child, base);
    if (x === !all) return !all;
    if (x === UNKNOWN) unknown = true;
  }
  return unknown ? UNKNOWN : all;
}

/** A triage rule whose answer for one sign at one time depends on the treatment or the person. */
interface Pending {
  /** Index of its residual condition in the plan. */
  readonly residual: number;
  /** Whether the sample time lies in the rule's window (fixed by the time). */
  readonly window: Tri;
  /** The level the hit gives when the rule fires, and when it only asks (worst case already applied). */
  readonly fired: Level;
  readonly asks: Level;
}

/** One sign at one sample time: the level the rules give whatever the treatment, and the rules that depend on it. */
interface SignAt {
  readonly fixed: Level;
  readonly pending: readonly Pending[];
}

interface SignPlan {
  readonly symptom: Symptom;
  /** Indexes of the effects that list this sign. */
  readonly claims: readonly number[];
  readonly at: readonly SignAt[];
  /** The sign's levels over time and their code when no rule for it depends on the treatment or the person. */
  readonly fixed: { readonly levels: readonly Level[]; readonly code: string } | null;
  /** The sign's entries in the net (level and wording) by its levels over time, one character a sample. */
  readonly worded: Map<string, readonly (readonly [Level, SafetyNetSign])[]>;
}

/** What the safety net derives from the knowledge alone, once per knowledge base. */
interface NetPlan {
  readonly horizon: number;
  readonly samples: readonly { at: number; from: number; to: number }[];
  readonly signs: readonly SignPlan[];
  /** The distinct conditions on the treatment and the person that the levels depend on. */
  readonly residuals: readonly Residual[];
  /** Finished safety nets by what decides them (a bounded memo: most treatments share a few). */
  readonly nets: Map<string, SafetyNetItem[]>;
}

/** Finished nets kept per knowledge base; the oldest goes first. A key is a pattern of answers, not of facts. */
const NET_LIMIT = 512;
const plans = new WeakMap<Knowledge, NetPlan>();

/**
 * Runs every (sign, sample time) check-in through the triage rules once per knowledge base. Its check-in facts are
 * fixed, so each rule either gives a level whatever the treatment and person, or leaves a condition on their facts
 * alone (its residual); equal residuals are kept once. A safety net then only evaluates the residuals.
 */
function planOf(kb: Knowledge): NetPlan {
  const known = plans.get(kb);
  if (known) return known;
  const horizon = safetyNetHorizonHours(kb);
  const samples = checkInSamples(kb, horizon);
  const background = new Set<string>();
  for (const names of kb.triage.reads) for (const n of names) if (!isCheckInFact(n)) background.add(n);
  const residuals: Residual[] = [];
  const residualIds = new Map<string, number>();
  let opaque = 0;
  const signs = kb.symptoms.map((symptom): SignPlan => {
    const claims = kb.effects.flatMap((e, i) => (e.symptoms.includes(symptom.id) ? [i] : []));
    const at = samples.map(({ at: hours }): SignAt => {
      const facts = checkInWith(kb, symptom, hours);
      // Every rule that some treatment could wake: its background facts all unknown wakes a superset.
      const unknownBackground = new Map(facts);
      for (const n of background) unknownBackground.set(n, UNKNOWN);
      let fixed: Level = 'self_care';
      const pending: Pending[] = [];
      for (const rule of candidates(kb.triage, unknownBackground)) {
        const window = inWindow(kb, rule, facts);
        if (window === false) continue;
        const r = residualOf(rule.when, facts);
        if (r === false) continue;
        // Worst case (see worstCaseLevel): a hit whose check-in inputs are all answered counts as firing.
        const onlyBackground = (kb.triage.readsById.get(rule.id) ?? []).every((k) => !isCheckInFact(k) || (facts.get(k) ?? null) !== UNKNOWN);
        const fired = triageHitLevel(kb, rule, 'fired');
        const asks = onlyBackground ? fired : triageHitLevel(kb, rule, 'asks');
        if (r === true || r === UNKNOWN) {
          fixed = maxLevel(fixed, window === true && r === true ? fired : asks);
          continue;
        }
        const key = JSON.stringify(r, (k, v: unknown) => (k === 'top' ? (opaque += 1) : v));
        let residual = residualIds.get(key);
        if (residual === undefined) residualIds.set(key, (residual = residuals.push(r) - 1));
        pending.push({ residual, window, fired, asks });
      }
      return { fixed, pending };
    });
    const fixed = at.every((x) => x.pending.length === 0) ? { levels: at.map((x) => x.fixed), code: codeOf(at.map((x) => x.fixed)) } : null;
    return { symptom, claims, at, fixed, worded: new Map() };
  });
  const plan: NetPlan = { horizon, samples, signs, residuals, nets: new Map() };
  plans.set(kb, plan);
  return plan;
}

/** A sign's levels over time as a string, one character a sample. */
const codeOf = (levels: readonly Level[]) => levels.map((l) => String.fromCharCode(65 + levelRank(l))).join('');

const TRI_CODE = (t: Tri) => (t === UNKNOWN ? 'u' : t ? 't' : 'f');

/**
 * "If X happens, do Y", for this treatment and person. Each warning sign is put through the triage rules as a
 * check-in that reports it alone (a red flag answered "yes"; any other sign that is never part of normal healing,
 * mild and improving), at every time the rules can tell apart over the healing period. A sign whose level changes
 * with the day is listed under each level with its days. Signs that cannot follow this treatment (RF burns after
 * a mechanical pen) are left out. An unknown fact about the treatment (numbing cream not recorded) takes its worst
 * value. Grouped by level, most urgent first. Check-in facts in `facts` are ignored.
 *
 * The treatment and the person change the answer only through the plan's residual conditions, which effects can
 * follow, and how long each is normal (see planOf); the answer is computed from those and memoised by them.
 */
export function safetyNet(kb: Knowledge, facts: ReadonlyMap<string, FactValue> = new Map()): SafetyNetItem[] {
  const plan = planOf(kb);
  const base = new Map<string, FactValue>();
  for (const [k, v] of facts) if (!isCheckInFact(k)) base.set(k, v);
  const results = plan.residuals.map((r) => evaluateResidual(r, base));
  const applies = kb.effects.map((e) => !e.appliesWhen || evaluate(e.appliesWhen, base) !== false);
  // Normal healing: until when an expected effect of this treatment is normal.
  const normalUntil = kb.effects.map((e, i) => (e.kind === 'expected' && applies[i] ? normalUntilFor(e, base) ?? plan.horizon : null));
  const key = `${results.map(TRI_CODE).join('')}|${applies.map(Number).join('')}|${normalUntil.join(',')}`;
  const known = plan.nets.get(key);
  if (known) return known;
  const items = netFrom(kb, plan, results, applies, normalUntil);
  // Bounded, so a long-running server does not grow without limit.
  if (plan.nets.size >= NET_LIMIT) {
    const oldest = plan.nets.keys().next();
    if (!oldest.done) plan.nets.delete(oldest.value);
  }
  plan.nets.set(key, items);
  return items;
}

/** The safety net in words, from the residuals' answers, the effects that can follow and their normal windows. */
function netFrom(kb: Knowledge, plan: NetPlan, results: readonly Tri[], applies: readonly boolean[], normalUntil: readonly (number | null)[]): SafetyNetItem[] {
  const { samples } = plan;
  const groups = new Map<Level, SafetyNetSign[]>();
  for (const sign of plan.signs) {
    const { symptom: s, claims, at } = sign;
    if (claims.length > 0 && !claims.some((i) => applies[i])) continue;
    const levels = sign.fixed?.levels ?? at.map((x) => {
      let level = x.fixed;
      for (const p of x.pending) {
        const c = results[p.residual] ?? UNKNOWN;
        if (c !== false) level = maxLevel(level, p.window === true && c === true ? p.fired : p.asks);
      }
      return level;
    });
    // Normal healing: a symptom of an expected effect of this treatment that a check-in leaves at self-care while
    // the effect is normal. Such a symptom is covered by the plan's days and check-ins, not the safety net.
    const normal = claims.some((i) => {
      const e = kb.effects[i];
      const until = normalUntil[i];
      return !!e && until !== null && until !== undefined && levels.some((level, j) => {
        const t = samples[j]?.at ?? 0;
        return level === 'self_care' && t >= e.onsetHours[0] && t < until;
      });
    });
    if (!s.redFlag && normal) continue;
    const code = sign.fixed?.code ?? codeOf(levels);
    let entries = sign.worded.get(code);
    // Bounded by the level patterns the rules can give this sign, not by the facts of treatments.
    if (!entries) sign.worded.set(code, (entries = signEntries(kb, plan, s, levels)));
    for (const [level, entry] of entries) {
      const list = groups.get(level);
      if (list) list.push(entry);
      else groups.set(level, [entry]);
    }
  }
  return [...groups.entries()]
    .sort((a, b) => levelRank(b[0]) - levelRank(a[0]))
    .map(([level, signs]) => {
      const info = kb.levelsById.get(level);
      return { level, label: info?.label ?? level, timeFrame: info?.timeFrame ?? '', words: info?.words ?? '', signs };
    });
}

/**
 * One sign's entries in the net: for each level above self-care, the sign with the days it applies to. `levels` are
 * the sign's levels at `plan.samples` (exported so the reference implementation in the tests words it the same way).
 */
export function signEntries(kb: Knowledge, plan: Pick<NetPlan, 'horizon' | 'samples'>, s: Symptom, levels: readonly Level[]): [Level, SafetyNetSign][] {
  const { horizon, samples } = plan;
  // Merge neighbouring samples with the same level into spans.
  const spans: { level: Level; from: number; to: number }[] = [];
  levels.forEach((level, j) => {
    const x = samples[j];
    if (!x) return;
    const last = spans.at(-1);
    if (last && last.level === level) last.to = x.to;
    else spans.push({ level, from: x.from, to: x.to });
  });
  const byLevel = new Map<Level, { from: number; to: number }[]>();
  for (const sp of spans) if (sp.level !== 'self_care') byLevel.set(sp.level, [...(byLevel.get(sp.level) ?? []), sp]);
  return [...byLevel].map(([level, parts]) => {
    const words = parts.map((p) => spanWords(kb, p.from, p.to, horizon)).filter((w) => w !== '');
    const first = parts[0];
    const lastPart = parts.at(-1);
    const sign: SafetyNetSign =
      words.length === 0 || !first || !lastPart
        ? { symptomId: s.id, label: s.label }
        : { symptomId: s.id, label: textOf(kb, 'tri_span_join', { sign: s.label, spans: words.join(' and ') }), fromHours: first.from, untilHours: lastPart.to >= horizon ? null : lastPart.to };
    return [level, sign];
  });
}
