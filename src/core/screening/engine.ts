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
  readonly earliestDate?: string;
  readonly question?: string;
  readonly alternative?: string;
}

export interface ScreeningResult {
  readonly verdict: Verdict;
  readonly summary: string;
  readonly findings: readonly ScreeningFinding[];
  /** For `defer`: the first date all datable waits are over; null when a wait depends on something undated. */
  readonly earliestDate: string | null;
  /** What has to change or be resolved before treatment (for defer and do_not_treat). */
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


function earliestFor(rule: ScreeningRule, facts: ReadonlyMap<string, FactValue>, planned: string): string | undefined {
  const wait = rule.then.waitDays;
  if (wait === undefined || rule.then.verdict !== 'defer') return undefined;
  if (!rule.then.waitFrom) return addDays(planned, wait);
  const since = facts.get(rule.then.waitFrom);
  if (typeof since !== 'number') return undefined;
  // A medicine still being taken has no last dose yet: its wait cannot be dated.
  const med = /^medication\.([a-z0-9_]+)\.days_since_last_dose$/.exec(rule.then.waitFrom);
  if (med && facts.get(`medication.${med[1] ?? ''}`) === 'current') return undefined;
  return addDays(planned, Math.max(0, wait - since));
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
      const dates = [prev.earliestDate, f.earliestDate].filter((d): d is string => d !== undefined).sort();
      out[at] = Object.assign({}, prev, { zones: [...(prev.zones ?? []), ...f.zones], earliestDate: dates.at(-1) });
    } else if (f.status === 'applies') out[at] = f;
  }
  return out;
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

  const defers = merged.filter((f) => f.status === 'applies' && f.severity === 'defer');
  const dated = defers.map((f) => f.earliestDate).filter((d): d is string => d !== undefined);
  const undated = defers.filter((f) => f.earliestDate === undefined);
  const blocking = merged.filter((f) => f.status === 'applies' && verdictRank(f.severity) >= verdictRank('defer'));
  const questions = [...new Map(merged.filter((f) => f.question).map((f) => [f.question ?? '', { ruleId: f.ruleId, question: f.question ?? '' }])).values()];
  const mustChange = [
    ...new Set([
      ...blocking.map((f) => {
        const where = f.zones?.map((z) => kb.zones.find((x) => x.id === z)?.label ?? z).join(', ');
        return where ? `${f.title} (${where}): ${f.forPerson}` : `${f.title}: ${f.forPerson}`;
      }),
      ...(questions.length && verdictRank(run.verdict) >= verdictRank('defer') ? ['Answer the open questions before treatment.'] : []),
    ]),
  ];
  return {
    verdict: run.verdict,
    summary: kb.verdicts.find((v) => v.id === run.verdict)?.words ?? run.verdict,
    findings: merged,
    earliestDate: run.verdict === 'defer' && undated.length === 0 && dated.length > 0 ? [...dated].sort().at(-1) ?? null : null,
    mustChange: run.verdict === 'proceed' || run.verdict === 'proceed_with_precautions' ? [] : mustChange,
    questions,
    alternatives: [...new Set(merged.filter((f) => f.status === 'applies' && f.alternative).map((f) => f.alternative ?? ''))],
    derived: { fitzpatrick: fitzpatrickOf(kb, input.person) },
    sources: sourceDictionary(kb, merged.map((f) => f.sources)),
    conflicts: conflictDictionary(kb, merged.map((f) => f.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
