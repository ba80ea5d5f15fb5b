import { addDays } from '../common/dates.js';
import {
  conflictDictionary, noticesOf, ruleBasis, sourceDictionary, stampOf, type ConflictRef, type Notices, type RuleBasis,
  type SourceEntry, type Stamp,
} from '../common/explain.js';
import type { Knowledge } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import type { ScreeningRule, Verdict } from '../knowledge/schema.js';
import { minVerdict, verdictRank } from '../rules/order.js';
import { runScreeningRules, type RuleHit } from '../rules/run.js';
import { fitzpatrickOf, screeningFacts } from './facts.js';
import type { ScreeningInput } from './input.js';

export interface ScreeningFinding extends RuleBasis {
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
  readonly question?: string;
  readonly alternative?: string;
}

export interface ScreeningResult {
  readonly verdict: Verdict;
  readonly summary: string;
  readonly findings: readonly ScreeningFinding[];
  /**
   * For `defer`: the first date all waits are over; null when any deferring finding has no date (a wait that
   * counts from something undated, or a deferral without a wait), and `mustChange` then says what must happen.
   */
  readonly earliestDate: string | null;
  /** True when `earliestDate` is given but an open question could still defer further or block treatment. */
  readonly earliestDateProvisional: boolean;
  /**
   * What has to change or be resolved before treatment: every finding that defers or blocks, and every
   * `change_plan` or `skip_area` finding whatever its verdict (a plan change is needed even when treatment may go ahead).
   */
  readonly mustChange: readonly string[];
  readonly questions: readonly { ruleId: string; question: string }[];
  readonly alternatives: readonly string[];
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

/**
 * The first date a deferring wait is over: from the event date (`waitFrom`), or null when that event has no
 * date: no `waitFrom` means the wait counts from something Primum cannot date (an infection clearing, the last
 * tanning), and a medicine still being taken has no last dose yet. Undefined when the rule sets no wait.
 */
function earliestFor(rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>, planned: string): WaitDate {
  const wait = rule.then.waitDays;
  if (wait === undefined || rule.then.verdict !== 'defer') return undefined;
  if (!rule.then.waitFrom) return null;
  const since = facts.get(rule.then.waitFrom);
  if (typeof since !== 'number') return null;
  if (stillTaking(rule, facts)) return null;
  return addDays(planned, Math.max(0, wait - since));
}

function stillTaking(rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>): boolean {
  const med = /^medication\.([a-z0-9_]+)\.days_since_last_dose$/.exec(rule.then.waitFrom ?? '');
  return med !== null && facts.get(`medication.${med[1] ?? ''}`) === 'current';
}

/** Says why a wait has no date, in plain words. */
function undatedWait(rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>): string {
  const days = rule.then.waitDays ?? 0;
  return stillTaking(rule, facts)
    ? `No date can be given yet: the wait of ${days} days starts from the last dose, and the medicine is still being taken.`
    : `No date can be given yet: the wait of at least ${days} days starts when this has cleared or stopped, and Primum does not know that date.`;
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
 * Each question once, credited to the most restrictive rule asking it (ties: the first in finding order),
 * in the order the questions first appear.
 */
function questionsOf(findings: readonly ScreeningFinding[], ruleVerdict: ReadonlyMap<string, Verdict>): { ruleId: string; question: string }[] {
  const best = new Map<string, ScreeningFinding>();
  const rank = (f: ScreeningFinding) => verdictRank(ruleVerdict.get(f.ruleId) ?? f.severity);
  for (const f of findings) {
    if (!f.question) continue;
    const prev = best.get(f.question);
    if (!prev || rank(f) > rank(prev)) best.set(f.question, f);
  }
  return [...best].map(([question, f]) => ({ ruleId: f.ruleId, question }));
}

/**
 * Screens one person x plan x setting. Pure and deterministic: the caller passes `now`
 * (an ISO timestamp) and the engine reads no clock.
 */
export function screen(kb: Knowledge, input: ScreeningInput, opts: { now: string }): ScreeningResult {
  const { facts, zones } = screeningFacts(kb, input);
  const run = runScreeningRules(kb, facts, zones);
  const planned = input.plan.plannedDate;
  const cap = kb.manifest.policy.unknownBlockingVerdict;

  const findings = run.hits.map((h: RuleHit<ScreeningRule>): ScreeningFinding => {
    const r = h.rule;
    const fired = h.result === 'fired';
    // Object.assign onto the basis, not `{ ...basis, ... }`: here the spread was measured 3x slower (V8 clone path).
    // Every key is always present (undefined where absent, which JSON leaves out): one object shape.
    const f: ScreeningFinding = Object.assign(ruleBasis(kb, h), {
      severity: fired ? r.then.verdict : minVerdict(r.then.verdict, cap),
      zones: h.zone !== undefined ? [h.zone] : undefined,
      forPerson: r.then.patient,
      forPractitioner: r.then.clinician,
      action: r.then.action,
      waitDays: r.then.waitDays,
      earliestDate: fired ? earliestFor(r, facts, planned) : undefined,
      question: fired ? undefined : r.question,
      alternative: r.then.alternative,
    });
    return f;
  });
  const merged = mergeZoneFindings(findings);
  merged.sort((a, b) => verdictRank(b.severity) - verdictRank(a.severity) || a.ruleId.localeCompare(b.ruleId));

  const ruleVerdict = new Map(run.hits.map((h) => [h.rule.id, h.rule.then.verdict]));
  const applies = merged.filter((f) => f.status === 'applies');
  const defers = applies.filter((f) => f.severity === 'defer');
  const dated = defers.map((f) => f.earliestDate).filter((d): d is string => typeof d === 'string');
  const undated = defers.filter((f) => typeof f.earliestDate !== 'string');
  const earliestDate = run.verdict === 'defer' && undated.length === 0 && dated.length > 0 ? [...dated].sort().at(-1) ?? null : null;
  const questions = questionsOf(merged, ruleVerdict);
  // An open question whose rule defers or blocks could move the date or take it away.
  const provisional = earliestDate !== null && run.hits.some((h) => h.result === 'asks' && verdictRank(h.rule.then.verdict) >= verdictRank('defer'));
  const toChange = applies.filter(
    (f) => verdictRank(f.severity) >= verdictRank('defer') || f.action === 'change_plan' || f.action === 'skip_area',
  );
  const mustChange = [
    ...new Set([
      ...toChange.map((f) => {
        const where = f.zones?.map((z) => kb.zones.find((x) => x.id === z)?.label ?? z).join(', ');
        const rule = run.hits.find((h) => h.rule.id === f.ruleId)?.rule;
        const noDate = f.earliestDate === null && rule ? ` ${undatedWait(rule, facts)}` : '';
        return `${f.title}${where ? ` (${where})` : ''}: ${f.forPerson}${noDate}`;
      }),
      ...(questions.length && verdictRank(run.verdict) >= verdictRank('defer') ? ['Answer the open questions before treatment.'] : []),
    ]),
  ];
  return {
    verdict: run.verdict,
    summary: kb.verdicts.find((v) => v.id === run.verdict)?.words ?? run.verdict,
    findings: merged,
    earliestDate,
    earliestDateProvisional: provisional,
    mustChange,
    questions,
    alternatives: [...new Set(merged.filter((f) => f.status === 'applies' && f.alternative).map((f) => f.alternative ?? ''))],
    derived: { fitzpatrick: fitzpatrickOf(kb, input.person) },
    sources: sourceDictionary(kb, merged.map((f) => f.sources)),
    conflicts: conflictDictionary(kb, merged.map((f) => f.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
