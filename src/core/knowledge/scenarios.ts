import { runAftercareRules, runSchedulingRules, runScreeningRules, runTriageRules, type PlannedZone } from '../rules/run.js';
import type { Knowledge } from './compile.js';
import { UNKNOWN, type FactValue } from './evaluate.js';
import type { Scenario } from './schema.js';
import { screen } from '../screening/engine.js';
import { screeningInputSchema } from '../screening/input.js';
import { triage } from '../triage/engine.js';
import { triageInputSchema } from '../triage/input.js';

/** The evaluation time stamped on whole-engine scenario results (the engines read no clock; inputs carry their dates). */
const SCENARIO_NOW = '2026-01-01T00:00:00.000Z';

/** Whether every `says` text appears and no `neverSays` text does, in what the person reads. */
function checkWords(s: Scenario, read: string, failures: string[]): void {
  const low = read.toLowerCase();
  for (const t of s.expect.says) if (!low.includes(t.toLowerCase())) failures.push(`does not say "${t}"`);
  for (const t of s.expect.neverSays) if (low.includes(t.toLowerCase())) failures.push(`says "${t}", which it must not`);
}

/** Runs a scenario with a whole request through `screen()` or `triage()`. */
function runWhole(kb: Knowledge, s: Scenario, input: Record<string, unknown>): { fired: string[]; asked: string[]; failures: string[] } {
  const failures: string[] = [];
  const issuesOf = (e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) =>
    e.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
  if (s.kind === 'screening') {
    const parsed = screeningInputSchema(kb).safeParse(input);
    if (!parsed.success) return { fired: [], asked: [], failures: [`input is not valid: ${issuesOf(parsed.error)}`] };
    const r = screen(kb, parsed.data, { now: SCENARIO_NOW });
    if (s.expect.verdict && s.expect.verdict !== r.verdict) failures.push(`verdict is ${r.verdict}, expected ${s.expect.verdict}`);
    if (s.expect.earliestDate !== undefined && s.expect.earliestDate !== r.earliestDate) failures.push(`earliest date is ${String(r.earliestDate)}, expected ${String(s.expect.earliestDate)}`);
    checkWords(s, JSON.stringify([r.summary, r.mustChange, r.findings.map((f) => f.forPerson), r.questions.map((q) => q.question), r.clearances]), failures);
    return {
      fired: r.findings.filter((f) => f.status === 'applies').map((f) => f.ruleId),
      asked: r.findings.filter((f) => f.status === 'needs_answer').map((f) => f.ruleId),
      failures,
    };
  }
  if (s.kind === 'triage') {
    const parsed = triageInputSchema(kb).safeParse(input);
    if (!parsed.success) return { fired: [], asked: [], failures: [`input is not valid: ${issuesOf(parsed.error)}`] };
    const r = triage(kb, parsed.data, { now: SCENARIO_NOW });
    if (s.expect.level && s.expect.level !== r.level) failures.push(`level is ${r.level}, expected ${s.expect.level}`);
    const first = r.likelyExplanations[0]?.effectId;
    if (s.expect.firstExplanation && s.expect.firstExplanation !== first) failures.push(`first explanation is ${String(first)}, expected ${s.expect.firstExplanation}`);
    checkWords(s, JSON.stringify([r.levelInfo, r.advice, r.likelyExplanations.map((e) => e.label), r.notFromTreatment]), failures);
    return {
      fired: r.findings.filter((f) => f.status === 'applies').map((f) => f.ruleId),
      asked: r.findings.filter((f) => f.status === 'needs_answer').map((f) => f.ruleId),
      failures,
    };
  }
  return { fired: [], asked: [], failures: [`a whole-engine scenario must be of kind screening or triage, not ${s.kind}`] };
}

export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly fired: readonly string[];
  readonly asked: readonly string[];
  readonly failures: readonly string[];
}

/** Baseline facts merged with the scenario's own (a scenario's null removes a baseline fact). */
export function scenarioFacts(kb: Knowledge, s: Scenario): { facts: Map<string, FactValue>; zones: PlannedZone[] } {
  const base = kb.baselines.find((b) => b.kind === s.kind);
  const facts = new Map<string, FactValue>();
  for (const [k, v] of Object.entries({ ...(base?.facts ?? {}), ...s.facts })) facts.set(k, v === UNKNOWN ? UNKNOWN : v);
  // Where a scenario states only the deepest depth, the signs are taken to be in that zone.
  if (!facts.has('treatment.depth_at_signs_mm') && facts.has('treatment.max_depth_mm')) facts.set('treatment.depth_at_signs_mm', facts.get('treatment.max_depth_mm') ?? null);
  return { facts, zones: s.zones ?? base?.zones ?? [] };
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** Runs one golden case and says what did not match. */
export function runScenario(kb: Knowledge, s: Scenario): ScenarioOutcome {
  const failures: string[] = [];
  let fired: string[] = [];
  let asked: string[] = [];
  if (s.input) {
    if (Object.keys(s.facts).length > 0) failures.push('a whole-engine scenario (input) takes no facts');
    const w = runWhole(kb, s, s.input);
    return finish(s, w.fired, w.asked, [...failures, ...w.failures]);
  }
  const { facts, zones } = scenarioFacts(kb, s);
  switch (s.kind) {
    case 'screening': {
      const r = runScreeningRules(kb, facts, zones);
      fired = r.hits.filter((h) => h.result === 'fired').map((h) => h.rule.id);
      asked = r.hits.filter((h) => h.result === 'asks').map((h) => h.rule.id);
      if (s.expect.verdict && s.expect.verdict !== r.verdict) failures.push(`verdict is ${r.verdict}, expected ${s.expect.verdict}`);
      break;
    }
    case 'triage': {
      const r = runTriageRules(kb, facts);
      fired = r.hits.filter((h) => h.result === 'fired').map((h) => h.rule.id);
      asked = r.hits.filter((h) => h.result === 'asks').map((h) => h.rule.id);
      if (s.expect.level && s.expect.level !== r.level) failures.push(`level is ${r.level}, expected ${s.expect.level}`);
      break;
    }
    case 'aftercare': {
      const items = runAftercareRules(kb, facts);
      fired = items.map((i) => i.rule.id);
      for (const [id, hours] of Object.entries(s.expect.untilHours ?? {})) {
        const item = items.find((i) => i.rule.id === id);
        if (!item) failures.push(`${id} does not apply, expected it to end at ${String(hours)} h`);
        else if (item.untilHours !== hours) failures.push(`${id} ends at ${String(item.untilHours)} h, expected ${String(hours)} h`);
      }
      break;
    }
    case 'scheduling': {
      const r = runSchedulingRules(kb, facts);
      fired = r.hits.filter((h) => h.result === 'fired').map((h) => h.rule.id);
      asked = r.hits.filter((h) => h.result === 'asks').map((h) => h.rule.id);
      const want = s.expect.minIntervalDays;
      if (want !== undefined && want !== r.minIntervalDays) {
        failures.push(`minimum interval is ${String(r.minIntervalDays)} d, expected ${String(want)} d`);
      }
      break;
    }
  }
  return finish(s, fired, asked, failures);
}

function finish(s: Scenario, firedIn: readonly string[], askedIn: readonly string[], failures: string[]): ScenarioOutcome {
  const fired = [...new Set(firedIn)];
  const asked = [...new Set(askedIn)];
  for (const id of s.expect.fires) if (!fired.includes(id)) failures.push(`${id} did not fire (fired: ${list(fired)})`);
  for (const id of s.expect.notFires) if (fired.includes(id)) failures.push(`${id} fired but should not`);
  for (const id of s.expect.asks) if (!asked.includes(id)) failures.push(`${id} did not ask (asked: ${list(asked)})`);
  return { scenario: s, fired, asked, failures };
}
