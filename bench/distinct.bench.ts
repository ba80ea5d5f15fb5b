import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { aftercarePlan } from '../src/core/aftercare/engine.js';
import type { Knowledge } from '../src/core/knowledge/compile.js';
import { screen } from '../src/core/screening/engine.js';
import { screeningInputSchema } from '../src/core/screening/input.js';
import { triage } from '../src/core/triage/engine.js';
import { triageInputSchema } from '../src/core/triage/input.js';
import { treatedPersonSchema, treatmentSchema } from '../src/core/treatment/input.js';
import { arbAftercare, arbCheckIn, distinctSample } from '../test/support/arbitraries.js';
import { typicalAftercare, typicalCheckIn, typicalScreening } from './fixtures.js';
import type { BenchResult } from './run.js';

const NOW = { now: '2026-11-21T10:00:00Z' };
const CORPUS = 1_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Per second on one core, the median of 5 rounds. `repeated`: one validated input again and again. `distinct`: each
 * round one pass over a corpus of distinct generated inputs, on a freshly loaded knowledge base that has only run the
 * repeated input (JIT and garbage collector settled), so nothing an engine memoises for the corpus is warm.
 */
function compare(prepare: (kb: Knowledge) => { one: () => unknown; corpus: (() => unknown)[] }): { repeated: number; distinct: number } {
  const warm = prepare(loadValidKnowledge());
  for (let i = 0; i < 2_000; i += 1) warm.one();
  for (const run of warm.corpus) run();
  const repeated: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const t0 = performance.now();
    for (let i = 0; i < CORPUS; i += 1) warm.one();
    repeated.push(CORPUS / ((performance.now() - t0) / 1000));
  }
  const distinct: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const { one, corpus } = prepare(loadValidKnowledge());
    for (let i = 0; i < 2_000; i += 1) one();
    const t0 = performance.now();
    for (const run of corpus) run();
    distinct.push(corpus.length / ((performance.now() - t0) / 1000));
  }
  return { repeated: median(repeated), distinct: median(distinct) };
}

const f = (x: number) => `${Math.round(x).toLocaleString('en')} /s`;

function row(name: string, r: { repeated: number; distinct: number }, detail: string, target: number | null): BenchResult {
  const ratio = r.distinct / r.repeated;
  const value = `${f(r.distinct)} distinct vs ${f(r.repeated)} repeated: ${Math.round(ratio * 100)}%`;
  return target === null
    ? { name, value, target: 'informational', pass: true, detail }
    : { name, value, target: `distinct >= ${Math.round(target * 100)}% of repeated`, pass: ratio >= target, detail };
}

/** The engines on 1,000 distinct generated inputs against one input repeated (issue 10: results must not rest on a cache). */
export function benchDistinctInputs(): BenchResult[] {
  const triageRun = compare((kb) => {
    const schema = triageInputSchema(kb);
    const redFlags = kb.symptoms.filter((s) => s.redFlag).map((s) => s.id);
    const one = schema.parse(typicalCheckIn(redFlags));
    const corpus = distinctSample(arbCheckIn(kb), CORPUS).map((b) => schema.parse(b));
    return { one: () => triage(kb, one, NOW), corpus: corpus.map((i) => () => triage(kb, i, NOW)) };
  });
  const planRun = compare((kb) => {
    const t = treatmentSchema(kb);
    const p = treatedPersonSchema(kb);
    const one = { t: t.parse(typicalAftercare.treatment), p: p.parse(typicalAftercare.person) };
    const corpus = distinctSample(arbAftercare(kb), CORPUS).map((b) => ({ t: t.parse(b.treatment), p: p.parse(b.person) }));
    return { one: () => aftercarePlan(kb, one.t, one.p, NOW), corpus: corpus.map((x) => () => aftercarePlan(kb, x.t, x.p, NOW)) };
  });
  const screenRun = compare((kb) => {
    const schema = screeningInputSchema(kb);
    const one = schema.parse(typicalScreening);
    // The typical plan with every zone's depth and the age generated: distinct plans that all validate.
    const arb = fc.record({ age: fc.integer({ min: 18, max: 80 }), depths: fc.array(fc.integer({ min: 1_000, max: 250_000 }), { minLength: 4, maxLength: 4 }) });
    const corpus = distinctSample(arb, CORPUS).map(({ age, depths }) =>
      schema.parse({
        person: { ...typicalScreening.person, age },
        plan: { ...typicalScreening.plan, zones: typicalScreening.plan.zones.map((z, i) => ({ ...z, depthMm: (depths[i] ?? 50_000) / 100_000 })) },
      }),
    );
    return { one: () => screen(kb, one, NOW), corpus: corpus.map((i) => () => screen(kb, i, NOW)) };
  });
  return [
    row('triage engine, distinct check-ins vs one repeated', triageRun, `${CORPUS.toLocaleString('en')} distinct generated check-ins (any day to 30, depths to 1/100,000 mm, red flags yes/no/unknown, 0-4 signs), validated before timing`, 0.5),
    row('aftercare plan engine, distinct treatments vs one repeated', planRun, `${CORPUS.toLocaleString('en')} distinct generated treatments and persons, validated before timing`, 0.5),
    row('screening engine, distinct plans vs one repeated', screenRun, `${CORPUS.toLocaleString('en')} typical plans with generated age and zone depths`, null),
  ];
}
