import { performance } from 'node:perf_hooks';
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { triage } from '../src/core/triage/engine.js';
import { triageInputSchema } from '../src/core/triage/input.js';
import { createAfterTreatmentService } from '../src/service/after-treatment.service.js';
import { typicalAftercare, typicalCheckIn } from './fixtures.js';
import type { BenchResult } from './run.js';

function rate(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(2000, n); i += 1) fn();
  const rates: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) fn();
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return [...rates].sort((a, b) => a - b)[2] ?? 0;
}

/** Check-ins and aftercare plans per second on one core, including input validation. */
export function benchAfterTreatment(): BenchResult[] {
  const kb = loadValidKnowledge();
  const svc = createAfterTreatmentService(kb, () => '2026-11-21T10:00:00Z');
  const checkIn = typicalCheckIn(kb.symptoms.filter((s) => s.redFlag).map((s) => s.id));
  const tri = rate(() => svc.triage(checkIn), 10_000);
  const parsed = triageInputSchema(kb).parse(checkIn);
  const triEngine = rate(() => triage(kb, parsed, { now: '2026-11-21T10:00:00Z' }), 10_000);
  const plan = rate(() => svc.plan(typicalAftercare), 2_000);
  const ics = rate(() => svc.calendar(typicalAftercare), 2_000);
  const f = (x: number) => `${Math.round(x).toLocaleString('en')} /s`;
  return [
    { name: 'triage engine, triage() on a validated check-in', value: f(triEngine), target: '>= 20,000 /s', pass: triEngine >= 20_000,
      detail: 'day-3 check-in, 29 red flags answered, 2 symptoms with trend and onset, temperature' },
    { name: 'triage incl. input validation', value: f(tri), target: 'informational', pass: true },
    { name: 'aftercare plan incl. input validation (median of 5 rounds)', value: f(plan), target: '>= 5,000 /s', pass: plan >= 5_000,
      detail: '2 zones, Fitzpatrick IV with PIH history: 29 days, 23 instructions, 5 check-ins, safety net, next session' },
    { name: 'aftercare plan as iCalendar (median of 5 rounds)', value: f(ics), target: 'informational', pass: true },
  ];
}
