import { performance } from 'node:perf_hooks';
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { screen } from '../src/core/screening/engine.js';
import { screeningInputSchema } from '../src/core/screening/input.js';
import { typicalScreening } from './fixtures.js';
import type { BenchResult } from './run.js';

/** Screenings per second on one core: validation + facts + rules + explanation. */
export function benchScreeningEngine(): BenchResult[] {
  const kb = loadValidKnowledge();
  const schema = screeningInputSchema(kb);
  const once = () => screen(kb, schema.parse(typicalScreening), { now: '2026-11-21T10:00:00Z' });
  for (let i = 0; i < 2000; i += 1) once();
  const rates: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const n = 10_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) once();
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  const best = Math.max(...rates);
  const med = [...rates].sort((a, b) => a - b)[2] ?? 0;
  const withoutParse = (() => {
    const input = schema.parse(typicalScreening);
    const n = 10_000;
    const r: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) screen(kb, input, { now: '2026-11-21T10:00:00Z' });
      r.push(n / ((performance.now() - t0) / 1000));
    }
    return [...r].sort((a, b) => a - b)[2] ?? 0;
  })();
  return [
    { name: 'screening engine, screen() on a validated plan', value: `${Math.round(withoutParse).toLocaleString('en')} /s`, target: '>= 20,000 /s', pass: withoutParse >= 20_000,
      detail: 'typical plan: 4 conditions, 2 medicines, 1 procedure, 1 allergy, 4 zones, 1 product, numbing cream' },
    { name: 'screening incl. input validation (median of 5 x 10k)', value: `${Math.round(med).toLocaleString('en')} /s`, target: 'informational', pass: true,
      detail: `zod validation of the request plus the engine; best round ${Math.round(best).toLocaleString('en')}/s` },
  ];
}
