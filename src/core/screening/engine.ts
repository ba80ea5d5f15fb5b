import { addDays } from '../common/dates.js';
import {
  conflictsOf, noticesOf, sourcesOf, stampOf, type ConflictRef, type Notices, type SourceRef, type Stamp,
} from '../common/explain.js';
import type { Knowledge } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import type { ScreeningRule, Verdict } from '../knowledge/schema.js';
import { minVerdict, verdictRank } from '../rules/order.js';
import { runScreeningRules, type RuleHit } from '../rules/run.js';
import { screeningFacts } from './facts.js';
import type { ScreeningInput } from './input.js';

export interface ScreeningFinding {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly title: string;
  /** `fired`: the rule applies. `asks`: it might apply, but an answer it needs is unknown. */
  readonly status: 'applies' | 'needs_answer';
  /** What this finding does to the verdict. */
  readonly severity: Verdict;
  readonly zone?: string;
  readonly forPerson: string;
  readonly forPractitioner: string;
  readonly action: ScreeningRule['then']['action'];
  readonly waitDays?: number;
  readonly earliestDate?: string;
  readonly question?: string;
  readonly alternative?: string;
  readonly inputs: Readonly<Record<string, FactValue>>;
  readonly sources: readonly SourceRef[];
  readonly expertConsensus?: string;
  readonly conflicts: readonly ConflictRef[];
  readonly limits: string;
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
  readonly stamp: Stamp;
  readonly notices: Notices;
}

const SUMMARY: Record<Verdict, string> = {
  proceed: 'No known concern was found for this plan. Follow the aftercare plan.',
  proceed_with_precautions: 'This plan can go ahead only with the precautions listed.',
  defer: 'Do not treat yet: wait, or answer the open questions, as listed.',
  do_not_treat: 'Do not carry out this plan as submitted.',
};

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
    const earliest = fired ? earliestFor(r, facts, planned) : undefined;
    return {
      ruleId: r.id,
      ruleVersion: r.version,
      title: r.title,
      status: fired ? 'applies' : 'needs_answer',
      severity: fired ? r.then.verdict : minVerdict(r.then.verdict, cap),
      ...(h.zone !== undefined ? { zone: h.zone } : {}),
      forPerson: r.then.patient,
      forPractitioner: r.then.clinician,
      action: r.then.action,
      ...(r.then.waitDays !== undefined ? { waitDays: r.then.waitDays } : {}),
      ...(earliest ? { earliestDate: earliest } : {}),
      ...(fired ? {} : { question: r.question }),
      ...(r.then.alternative ? { alternative: r.then.alternative } : {}),
      inputs: h.inputs,
      sources: sourcesOf(kb, r.sources),
      ...(r.expertConsensus ? { expertConsensus: r.expertConsensus.reason } : {}),
      conflicts: conflictsOf(kb, r.conflicts),
      limits: r.limits,
    };
  });
  findings.sort((a, b) => verdictRank(b.severity) - verdictRank(a.severity) || a.ruleId.localeCompare(b.ruleId));

  const defers = findings.filter((f) => f.status === 'applies' && f.severity === 'defer');
  const dated = defers.map((f) => f.earliestDate).filter((d): d is string => d !== undefined);
  const undated = defers.filter((f) => f.earliestDate === undefined);
  const blocking = findings.filter((f) => f.status === 'applies' && verdictRank(f.severity) >= verdictRank('defer'));
  const questions = [...new Map(findings.filter((f) => f.question).map((f) => [f.question ?? '', { ruleId: f.ruleId, question: f.question ?? '' }])).values()];
  const mustChange = [
    ...new Set([
      ...blocking.map((f) => (f.zone ? `${f.title} (${f.zone}): ${f.forPerson}` : `${f.title}: ${f.forPerson}`)),
      ...(questions.length && verdictRank(run.verdict) >= verdictRank('defer') ? ['Answer the open questions before treatment.'] : []),
    ]),
  ];
  return {
    verdict: run.verdict,
    summary: SUMMARY[run.verdict],
    findings,
    earliestDate: run.verdict === 'defer' && undated.length === 0 && dated.length > 0 ? [...dated].sort().at(-1) ?? null : null,
    mustChange: run.verdict === 'proceed' || run.verdict === 'proceed_with_precautions' ? [] : mustChange,
    questions,
    alternatives: [...new Set(findings.filter((f) => f.status === 'applies' && f.alternative).map((f) => f.alternative ?? ''))],
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
