import { runAftercareRules, runSchedulingRules, runScreeningRules, runTriageRules, type PlannedZone } from '../rules/run.js';
import type { Knowledge } from './compile.js';
import { UNKNOWN, type FactValue } from './evaluate.js';
import type { Scenario } from './schema.js';

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
  return { facts, zones: s.zones ?? base?.zones ?? [] };
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** Runs one golden case and says what did not match. */
export function runScenario(kb: Knowledge, s: Scenario): ScenarioOutcome {
  const { facts, zones } = scenarioFacts(kb, s);
  const failures: string[] = [];
  let fired: string[] = [];
  let asked: string[] = [];
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
  fired = [...new Set(fired)];
  asked = [...new Set(asked)];
  for (const id of s.expect.fires) if (!fired.includes(id)) failures.push(`${id} did not fire (fired: ${list(fired)})`);
  for (const id of s.expect.notFires) if (fired.includes(id)) failures.push(`${id} fired but should not`);
  for (const id of s.expect.asks) if (!asked.includes(id)) failures.push(`${id} did not ask (asked: ${list(asked)})`);
  return { scenario: s, fired, asked, failures };
}
