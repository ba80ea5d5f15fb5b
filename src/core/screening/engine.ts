import { addDays } from '../common/dates.js';
import {
  conflictDictionary, noticesOf, ruleBasis, sourceDictionary, stampOf, type ConflictRef, type Notices, type RuleBasis,
  type SourceEntry, type Stamp,
} from '../common/explain.js';
import { fill, listInWords, textOf } from '../common/text.js';
import type { Knowledge } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import type { EffectClass, ScreeningRule, Verdict } from '../knowledge/schema.js';
import { waitFacts } from '../knowledge/wait.js';
import { verdictRank } from '../rules/order.js';
import { runScreeningRules, verdictOfEffect, type ClearanceState, type ScreeningHit } from '../rules/run.js';
import { fitzpatrickOf, flaggedProducts, screeningFacts } from './facts.js';
import type { ScreeningInput } from './input.js';

/** Who must clear a finding, why, and whether that has happened. */
export interface ClearanceInfo {
  readonly who: string;
  readonly why: string;
  readonly state: ClearanceState;
}

export interface ScreeningFinding extends RuleBasis {
  /** The rule's declared effect class (REFERENCE §0.2). */
  readonly effect: EffectClass;
  /** The class as it applies here: a cleared `clearance` finding is a `precaution`. */
  readonly appliedEffect: EffectClass;
  /** What this finding does to the verdict. */
  readonly severity: Verdict;
  /** Zone-scoped rules: the zones where it applies (or, for `needs_answer`, might apply). */
  readonly zones?: readonly string[];
  readonly forPerson: string;
  readonly forPractitioner: string;
  readonly action: ScreeningRule['then']['action'];
  readonly waitDays?: number;
  /** For a wait: its first possible date, or null when the wait counts from something without a date yet. */
  readonly earliestDate?: string | null;
  readonly clearance?: ClearanceInfo;
  readonly question?: string;
  readonly alternative?: string;
}

export interface ScreeningQuestion {
  readonly ruleId: string;
  readonly question: string;
  /** Why the answer matters, in plain words. */
  readonly why: string;
  /** The verdict the answer could lead to (the rule's verdict if it applies). */
  readonly couldLeadTo: Verdict;
}

export interface ScreeningResult {
  readonly verdict: Verdict;
  readonly summary: string;
  readonly findings: readonly ScreeningFinding[];
  /**
   * For `defer`: the first date all waits are over; null when any deferring finding has no date (a wait that
   * counts from something undated, a clearance, or a deferral without a wait), and `mustChange` then says what must happen.
   */
  readonly earliestDate: string | null;
  /** True when `earliestDate` is given but an open question could still defer further or block treatment. */
  readonly earliestDateProvisional: boolean;
  /**
   * What has to change or happen before treatment: every add-on fix, wait, clearance still needed and block, with
   * the exact thing named, and every `change_plan` or `skip_area` finding.
   */
  readonly mustChange: readonly string[];
  /** Clearances this plan needs: who must clear, why, and whether it is recorded. */
  readonly clearances: readonly { readonly ruleId: string; readonly title: string; readonly clearance: ClearanceInfo }[];
  /** Only the questions whose answer could change the verdict, most decisive first. */
  readonly questions: readonly ScreeningQuestion[];
  /** How many questions could still change the verdict (= questions.length). */
  readonly questionsRemaining: number;
  readonly alternatives: readonly string[];
  /** Answers Primum could not check ("something else", unknown medicine names), kept and shown. */
  readonly unchecked: { readonly conditions: readonly string[]; readonly medicines: readonly string[] };
  /** Values Primum worked out from the answers, and how. */
  readonly derived: { readonly fitzpatrick: ReturnType<typeof fitzpatrickOf> };
  /** Every source the findings cite, with its full citation, type and grade. */
  readonly sources: Readonly<Record<string, SourceEntry>>;
  /** Where sources disagree, and the resolution Primum uses. */
  readonly conflicts: Readonly<Record<string, ConflictRef>>;
  readonly stamp: Stamp;
  readonly notices: Notices;
}

type WaitDate = string | null | undefined;

const NO_VARS: Readonly<Record<string, string>> = Object.freeze({});

function stillTaking(rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>): boolean {
  return waitFacts(rule.then.waitFrom).some((from) => {
    const med = /^medication\.([a-z0-9_]+)\.days_since_last_dose$/.exec(from);
    return med !== null && facts.get(`medication.${med[1] ?? ''}`) === 'current';
  });
}

/**
 * The first date a wait is over: from the event date (`waitFrom`), or null when that event has no date (no
 * `waitFrom`: an infection clearing, the last tanning; or a medicine still being taken). Undefined when the
 * finding is not a wait.
 */
function earliestFor(rule: ScreeningRule, effect: EffectClass, facts: ReadonlyMap<string, FactValue>, planned: string): WaitDate {
  if (effect !== 'timing') return undefined;
  const wait = rule.then.waitDays;
  const from = waitFacts(rule.then.waitFrom);
  if (wait === undefined || from.length === 0 || stillTaking(rule, facts)) return null;
  // With several events (e.g. a retinoid and an acid), the most recent one counts; an unknown one leaves no date.
  const values = from.map((f) => facts.get(f)).filter((v) => v !== undefined && v !== null);
  if (values.length === 0 || values.some((v) => typeof v !== 'number')) return null;
  const since = Math.min(...(values as number[]));
  return addDays(planned, Math.max(0, wait - since));
}

/** Why a wait has no date, in plain words. */
function undatedWait(kb: Knowledge, rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>): string {
  const days = rule.then.waitDays;
  if (days === undefined) return textOf(kb, 'scr_undated_until_resolved');
  return textOf(kb, stillTaking(rule, facts) ? 'scr_undated_wait_still_taking' : 'scr_undated_wait', { days });
}

/**
 * One finding per rule: a zone rule that applies in some zones lists them, and its open question for
 * other zones is dropped (the rule already applies); one that only asks lists the zones it asks about.
 */
function mergeZoneFindings(findings: readonly ScreeningFinding[]): ScreeningFinding[] {
  const out: ScreeningFinding[] = [];
  const byRule = new Map<string, number>();
  for (const f of findings) {
    const at = byRule.get(f.ruleId);
    const prev = at === undefined ? undefined : out[at];
    if (at === undefined || !prev || !f.zones) {
      byRule.set(f.ruleId, out.length);
      out.push(f);
    } else if (prev.status === f.status) {
      out[at] = Object.assign({}, prev, { zones: [...(prev.zones ?? []), ...f.zones], earliestDate: laterWait(prev.earliestDate, f.earliestDate) });
    } else if (f.status === 'applies') out[at] = f;
  }
  return out;
}

/** The later of two waits; an undated wait (null) stays undated. */
function laterWait(a: WaitDate, b: WaitDate): WaitDate {
  if (a === null || b === null) return null;
  if (a === undefined || b === undefined) return a ?? b;
  return a > b ? a : b;
}

/**
 * The questions that could change the verdict: a rule that only asks, whose verdict if it applied is above the
 * verdict of the findings that apply (or, under a dated `defer`, one that could defer and so move the date), and not
 * below the verdict the open questions already hold. Each question once, credited to its most decisive rule; most decisive first.
 */
function questionsOf(kb: Knowledge, hits: readonly ScreeningHit[], settled: Verdict, held: Verdict, dated: boolean): ScreeningQuestion[] {
  const best = new Map<string, ScreeningQuestion>();
  for (const h of hits) {
    if (h.result !== 'asks') continue;
    const couldLeadTo = verdictOfEffect(kb, h.rule.then.effect);
    // A deferring question can still move or remove a date that the settled `defer` gives.
    const movesDate = dated && couldLeadTo === 'defer' && settled === 'defer';
    if (verdictRank(couldLeadTo) <= verdictRank(settled) && !movesDate) continue;
    // While open questions hold the verdict at `held`, a question that could only lead below it changes nothing yet.
    if (verdictRank(couldLeadTo) < verdictRank(held)) continue;
    const prev = best.get(h.rule.question);
    if (prev && verdictRank(prev.couldLeadTo) >= verdictRank(couldLeadTo)) continue;
    best.set(h.rule.question, { ruleId: h.rule.id, question: h.rule.question, why: whyAsked(kb, h.rule), couldLeadTo });
  }
  return [...best.values()].sort((a, b) => verdictRank(b.couldLeadTo) - verdictRank(a.couldLeadTo));
}

/** Why a rule's question matters, in plain words: the rule's own `questionWhy`, else what a "yes" would lead to. */
function whyAsked(kb: Knowledge, rule: ScreeningRule): string {
  if (rule.questionWhy) return rule.questionWhy;
  const title = rule.title.charAt(0).toLowerCase() + rule.title.slice(1);
  return textOf(kb, `scr_question_why_${verdictOfEffect(kb, rule.then.effect)}`, { title });
}

/** Product labels with "the", for `{products}`: the plan's products this rule reads, or the flagged ones. */
function productsNamed(kb: Knowledge, h: ScreeningHit, input: ScreeningInput): string {
  const read = new Set(Object.keys(h.inputs));
  const planIds = input.plan.products.map((p) => p.id);
  const named = new Set(planIds.filter((id) => read.has(`plan.product.${id}`) && h.inputs[`plan.product.${id}`] === true));
  if (read.has('plan.product_not_sterile_or_not_intended') || read.has('plan.product_bland_not_sterile')) {
    for (const id of flaggedProducts(kb, input.plan.products)) named.add(id);
  }
  const labels = [...named].map((id) => { const l = kb.productsById.get(id)?.label ?? id; return `the ${l.charAt(0).toLowerCase()}${l.slice(1)}`; });
  return labels.length ? listInWords(labels) : textOf(kb, 'scr_product_list_empty');
}

function clearanceInfo(rule: ScreeningRule, state: ClearanceState | undefined): ClearanceInfo | undefined {
  const c = rule.then.clearance;
  return c && state ? { who: c.who, why: c.why, state } : undefined;
}

/** The line under "what must change" for one finding, or undefined when it needs no change. */
function mustChangeLine(kb: Knowledge, f: ScreeningFinding, rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>): string | undefined {
  const lead = kb.effectClassesById.get(f.appliedEffect)?.mustChangeLead ?? '';
  const planChange = f.action === 'change_plan' || f.action === 'skip_area';
  if (!lead && !planChange) return undefined;
  const where = f.zones?.length ? ` ${textOf(kb, 'scr_in_zones', { zones: f.zones.map((z) => kb.zonesById.get(z)?.label ?? z).join(', ') })}` : '';
  const head = `${lead ? `${lead}: ` : ''}${f.title}${where}`;
  if (f.appliedEffect === 'clearance' && f.clearance) {
    const who = f.clearance.who.charAt(0).toUpperCase() + f.clearance.who.slice(1);
    return `${head}: ${textOf(kb, 'scr_clearance_needed', { who, why: f.clearance.why })}`;
  }
  const date =
    f.appliedEffect !== 'timing' ? ''
    : typeof f.earliestDate === 'string' ? ` ${textOf(kb, 'scr_earliest_date', { date: f.earliestDate })}`
    : ` ${undatedWait(kb, rule, facts)}`;
  return `${head}: ${f.forPerson}${date}`;
}

/**
 * Screens one person x plan x setting. Pure and deterministic: the caller passes `now`
 * (an ISO timestamp) and the engine reads no clock.
 */
export function screen(kb: Knowledge, input: ScreeningInput, opts: { now: string }): ScreeningResult {
  const { facts, zones, unchecked } = screeningFacts(kb, input);
  const run = runScreeningRules(kb, facts, zones);
  const planned = input.plan.plannedDate;

  const unlisted = listInWords([...unchecked.conditions, ...unchecked.medicines].map((t) => `"${t}"`));
  // The medicines the person means to stop, as they named them (or by group label).
  const meds = Array.isArray(input.person.medications) ? input.person.medications : [];
  const stopping = listInWords(
    meds.filter((m) => m.planToStop === 'yes').map((m) => m.name ?? `your ${kb.medicationsById.get(m.id ?? '')?.label.toLowerCase() ?? m.id ?? ''}`),
  );

  const findings = run.hits.map((h): ScreeningFinding => {
    const r = h.rule;
    const fired = h.result === 'fired';
    // Filled only where a text has a placeholder (most have none).
    const needsVars = r.then.patient.includes('{') || r.then.clinician.includes('{');
    const vars = needsVars ? { products: productsNamed(kb, h, input), unlisted, stopping } : NO_VARS;
    // Object.assign onto the basis, not `{ ...basis, ... }`: here the spread was measured 3x slower (V8 clone path).
    // Every key is always present (undefined where absent, which JSON leaves out): one object shape.
    return Object.assign(ruleBasis(kb, h), {
      effect: r.then.effect,
      appliedEffect: h.effect,
      severity: h.verdict,
      zones: h.zone !== undefined ? [h.zone] : undefined,
      // An open question is not a finding about the person: say what it asks, not the rule's "you have ..." text.
      forPerson: fired ? fill(r.then.patient, vars) : textOf(kb, 'scr_needs_answer', { question: r.question, why: whyAsked(kb, r) }),
      forPractitioner: fill(r.then.clinician, vars),
      action: r.then.action,
      waitDays: r.then.waitDays,
      earliestDate: fired ? earliestFor(r, h.effect, facts, planned) : undefined,
      clearance: fired ? clearanceInfo(r, h.clearance) : undefined,
      question: fired ? undefined : r.question,
      alternative: r.then.alternative,
    });
  });
  // A disagreement about particular products is shown only when the plan uses one of them.
  const planProducts = new Set(input.plan.products.map((p) => p.id));
  const relevant = (id: string) => {
    const c = kb.conflictsById.get(id);
    return !c?.products || c.products.some((p) => planProducts.has(p));
  };
  const merged = mergeZoneFindings(findings).map((f) => (f.conflicts.every(relevant) ? f : Object.assign({}, f, { conflicts: f.conflicts.filter(relevant) })));
  merged.sort((a, b) => verdictRank(b.severity) - verdictRank(a.severity) || a.ruleId.localeCompare(b.ruleId));

  const applies = merged.filter((f) => f.status === 'applies');
  let settled: Verdict = 'proceed';
  for (const f of applies) if (verdictRank(f.severity) > verdictRank(settled)) settled = f.severity;
  const defers = applies.filter((f) => f.severity === 'defer');
  const dated = defers.map((f) => f.earliestDate).filter((d): d is string => typeof d === 'string');
  const undated = defers.filter((f) => typeof f.earliestDate !== 'string');
  const earliestDate = run.verdict === 'defer' && undated.length === 0 && dated.length > 0 ? [...dated].sort().at(-1) ?? null : null;
  const questions = questionsOf(kb, run.hits, settled, run.verdict, earliestDate !== null);
  // An open question whose rule defers or blocks could move the date or take it away.
  const provisional = earliestDate !== null && questions.length > 0;
  const rules = new Map(run.hits.map((h) => [h.rule.id, h.rule]));
  const lines = applies.flatMap((f) => {
    const rule = rules.get(f.ruleId);
    const line = rule ? mustChangeLine(kb, f, rule, facts) : undefined;
    return line ? [line] : [];
  });
  const mustChange = [
    ...new Set([
      ...lines,
      ...(questions.length && verdictRank(run.verdict) >= verdictRank('defer') ? [textOf(kb, 'scr_answer_open_questions', { count: questions.length })] : []),
    ]),
  ];
  const clearances = applies.flatMap((f) => (f.clearance ? [{ ruleId: f.ruleId, title: f.title, clearance: f.clearance }] : []));
  return {
    verdict: run.verdict,
    summary: kb.verdictsById.get(run.verdict)?.words ?? run.verdict,
    findings: merged,
    earliestDate,
    earliestDateProvisional: provisional,
    mustChange,
    clearances,
    questions,
    questionsRemaining: questions.length,
    alternatives: [...new Set(applies.filter((f) => f.alternative).map((f) => f.alternative ?? ''))],
    unchecked,
    derived: { fitzpatrick: fitzpatrickOf(kb, input.person) },
    sources: sourceDictionary(kb, merged.map((f) => f.sources)),
    conflicts: conflictDictionary(kb, merged.map((f) => f.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
