// Generated inputs (fast-check) for property tests and the distinct-input benchmarks: valid request bodies, before
// validation, that differ in every value a person or practitioner can enter (depths to 1/100,000 mm).
import fc from 'fast-check';
import type { Knowledge } from '../../src/core/knowledge/compile.js';

const TREATED_AT_MS = Date.parse('2026-11-21T14:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** A depth in mm with five decimals, so two generated treatments almost never share one. */
const arbDepth = fc.integer({ min: 1_000, max: 300_000 }).map((x) => x / 100_000);

export function arbTreatment(kb: Knowledge) {
  const devices = kb.devices.filter((d) => d.energy !== 'none').map((d) => d.id);
  const complications = kb.effects.filter((e) => e.kind === 'complication').map((e) => e.id);
  return fc
    .record({
      setting: fc.constantFrom('clinic', 'home'),
      device: fc.constantFrom(...devices),
      zones: fc.uniqueArray(fc.record({ zone: fc.constantFrom(...kb.zones.map((z) => z.id)), depthMm: arbDepth }), { minLength: 1, maxLength: 4, selector: (z) => z.zone }),
      products: fc.uniqueArray(fc.constantFrom(...kb.products.map((p) => p.id)), { maxLength: 2 }),
      numbingCream: fc.constantFrom(true, false, 'unknown', undefined),
      adjunctPrp: fc.boolean(),
      rfEnergy: fc.constantFrom('standard', 'high', undefined),
      indication: fc.constantFrom(undefined, ...kb.indications.map((i) => i.id)),
      complications: fc.uniqueArray(fc.constantFrom(...complications), { maxLength: 1 }),
      complicationUnresolved: fc.boolean(),
    })
    .map((t) => {
      const out: Record<string, unknown> = { treatedAt: iso(TREATED_AT_MS), ...t };
      for (const k of ['numbingCream', 'rfEnergy', 'indication']) if (out[k] === undefined) delete out[k];
      return out;
    });
}

export function arbTreatedPerson(kb: Knowledge) {
  return fc.record({
    fitzpatrick: fc.constantFrom(1, 2, 3, 4, 5, 6, 'unknown'),
    conditions: fc.uniqueArray(fc.record({ id: fc.constantFrom(...kb.conditions.map((c) => c.id)), status: fc.constantFrom('active', 'history', 'controlled') }), { maxLength: 3, selector: (c) => c.id }),
    medications: fc.uniqueArray(fc.record({ id: fc.constantFrom(...kb.medications.map((m) => m.id)), status: fc.constantFrom('current', 'past') }), { maxLength: 2, selector: (m) => m.id }),
  });
}

/** An aftercare request body: a treatment and the person. */
export const arbAftercare = (kb: Knowledge) => fc.record({ treatment: arbTreatment(kb), person: arbTreatedPerson(kb) });

/** A check-in request body: up to 30 days after the treatment, red flags answered or not, up to 4 local signs. */
export function arbCheckIn(kb: Knowledge) {
  const redFlags = kb.symptoms.filter((s) => s.redFlag).map((s) => s.id);
  const local = kb.symptoms.filter((s) => !s.redFlag).map((s) => s.id);
  const arbSign = fc.record({
    id: fc.constantFrom(...local),
    severity: fc.constantFrom('mild', 'moderate', 'severe', undefined),
    trend: fc.constantFrom('improving', 'same', 'worsening', undefined),
    beyondTreatedArea: fc.constantFrom(true, false, undefined),
    hoursAgo: fc.integer({ min: 0, max: 48 }),
  });
  return fc
    .record({
      treatment: arbTreatment(kb),
      person: arbTreatedPerson(kb),
      minutes: fc.integer({ min: 0, max: 30 * 24 * 60 }),
      noneOfThese: fc.boolean(),
      yes: fc.subarray(redFlags, { maxLength: 1 }),
      unknown: fc.subarray(redFlags, { maxLength: 2 }),
      temperatureC: fc.option(fc.integer({ min: 3_550, max: 4_050 }).map((x) => x / 100), { nil: undefined }),
      signs: fc.uniqueArray(arbSign, { maxLength: 4, selector: (s) => s.id }),
    })
    .map((c) => {
      const atMs = TREATED_AT_MS + c.minutes * 60_000;
      const answers: Record<string, string> = {};
      if (!c.noneOfThese) for (const id of redFlags) answers[id] = 'no';
      for (const id of c.unknown) answers[id] = 'unknown';
      for (const id of c.yes) answers[id] = 'yes';
      const zones = (c.treatment.zones as { zone: string }[]).map((z) => z.zone);
      const symptoms = c.signs.map(({ hoursAgo, ...s }, i) => {
        const out: Record<string, unknown> = { id: s.id, startedAt: iso(Math.max(TREATED_AT_MS, atMs - hoursAgo * 3_600_000)) };
        for (const k of ['severity', 'trend', 'beyondTreatedArea'] as const) if (s[k] !== undefined) out[k] = s[k];
        if (i % 2 === 0 && zones[0]) out.zones = [zones[0]];
        return out;
      });
      const body: Record<string, unknown> = { treatment: c.treatment, person: c.person, checkIn: { at: iso(atMs) }, redFlags: answers, symptoms };
      if (c.noneOfThese) body.redFlagsNoneOfThese = true;
      if (c.temperatureC !== undefined) body.temperatureC = c.temperatureC;
      return body;
    });
}

/** `n` distinct generated values (by their JSON), the same on every run for one seed. */
export function distinctSample<T>(arb: fc.Arbitrary<T>, n: number, seed = 20261121): T[] {
  const seen = new Map<string, T>();
  for (const v of fc.sample(arb, { numRuns: n * 2, seed })) {
    seen.set(JSON.stringify(v), v);
    if (seen.size === n) break;
  }
  return [...seen.values()];
}
