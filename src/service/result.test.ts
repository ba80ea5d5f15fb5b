import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { IsoDate, Unknown } from '../core/common/input-types.js';
import { allRedFlagsNo, atHours, clinicPenTreatment } from '../../test/support/after-fixtures.js';
import { NOW, clinicCheekPlan, healthyAdult, shippedKnowledge } from '../../test/support/fixtures.js';
import { createAfterTreatmentService } from './after-treatment.service.js';
import { parseWith, type Issue } from './result.js';
import { createScreeningService } from './screening.service.js';

const issuesOf = <T>(schema: z.ZodType<T>, data: unknown): Issue[] => {
  const r = parseWith(schema, data);
  return r.ok ? [] : r.issues;
};
const messageOf = <T>(schema: z.ZodType<T>, data: unknown) => issuesOf(schema, data).map((i) => i.message).join(' | ');

describe('parseWith: number messages in plain words', () => {
  const Age = z.union([z.number().int().min(0).max(120), Unknown]);
  const Depth = z.number().gt(0).max(10);
  it('says the limit, not zod\'s "Too big: expected number to be <=120"', () => {
    assert.equal(messageOf(z.object({ age: Age }), { age: 400 }), 'must be at most 120; got 400');
    assert.equal(messageOf(z.object({ age: Age }), { age: -1 }), 'must be at least 0; got -1');
    assert.equal(messageOf(z.object({ d: Depth }), { d: 0 }), 'must be a number greater than 0; got 0');
    assert.equal(messageOf(z.object({ d: z.number().lt(5) }), { d: 5 }), 'must be a number less than 5; got 5');
  });
  it('asks for a whole number, not "a int"', () => {
    assert.equal(messageOf(z.object({ age: Age }), { age: 2.5 }), 'must be a whole number, or "unknown"; got 2.5');
    assert.equal(messageOf(z.object({ n: z.number().int() }), { n: 1.5 }), 'must be a whole number; got 1.5');
  });
  it('says "must be a number" for a number too large for JSON (1e400 parses as Infinity), not "got null"', () => {
    const body = JSON.parse('{"age": 1e400, "d": 1e400}') as unknown;
    const issues = issuesOf(z.object({ age: Age, d: Depth }), body);
    assert.deepEqual(issues.map((i) => i.path), ['age', 'd']);
    for (const i of issues) {
      assert.match(i.message, /^must be a number/);
      assert.doesNotMatch(i.message, /null/);
    }
  });
  it('counts the items of a list that is too long or too short', () => {
    assert.equal(messageOf(z.object({ zones: z.array(z.string()).min(1) }), { zones: [] }), 'must have at least 1 item; got 0');
    assert.equal(messageOf(z.object({ zones: z.array(z.string()).max(2) }), { zones: ['a', 'b', 'c'] }), 'must have at most 2 items; got 3');
  });
});

describe('parseWith: never echoes a long input whole', () => {
  it('cuts a long string to about 40 characters', () => {
    const m = messageOf(z.object({ n: z.number() }), { n: `{"person":${'x'.repeat(10_000)}}` });
    assert.match(m, /^must be a number; got "\{\\"person\\":x+…"$/);
    assert.ok(m.length < 80, m);
  });
  it('lists at most five unknown fields, each cut short', () => {
    const extra = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`${'k'.repeat(100)}${i}`, 1]));
    const m = messageOf(z.strictObject({}), extra);
    assert.match(m, /^unknown field\(s\): k+…, k+…, k+…, k+…, k+… and 3 more; remove them or check the spelling$/);
    assert.ok(m.length < 300, m);
  });
});

describe('parseWith: a date that is not real gets one message', () => {
  const screening = createScreeningService(shippedKnowledge(), () => NOW);
  it('an impossible planned date is reported once, without "is after the planned treatment date"', () => {
    const r = screening.parse({
      person: { ...healthyAdult, procedures: [{ id: 'botulinum_toxin', date: '2026-03-01' }] },
      plan: { ...clinicCheekPlan, plannedDate: '2026-02-30' },
    });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.issues, [{ path: 'plan.plannedDate', message: '"2026-02-30" is not a real date: February 2026 has 28 days; use YYYY-MM-DD' }]);
  });
  it('a date inside a union ("unknown" or a date) gets the date\'s reason, not every branch', () => {
    const r = screening.parse({ person: { ...healthyAdult, medications: [{ id: 'isotretinoin', lastDose: '2026-02-31' }] }, plan: clinicCheekPlan });
    assert.deepEqual(!r.ok && r.issues, [{ path: 'person.medications[0].lastDose', message: '"2026-02-31" is not a real date: February 2026 has 28 days; use YYYY-MM-DD' }]);
    assert.equal(messageOf(z.object({ d: z.union([IsoDate, Unknown]) }), { d: 'soon' }), '"soon" is not a date; use YYYY-MM-DD, e.g. 2026-11-30');
  });
  it('dates in the wrong order are still reported when both are real', () => {
    const r = screening.parse({ person: { ...healthyAdult, procedures: [{ id: 'botulinum_toxin', date: '2026-12-02' }] }, plan: clinicCheekPlan });
    assert.match(!r.ok ? r.issues[0]?.message ?? '' : '', /is after the planned treatment date 2026-12-01/);
  });
  it('an impossible treatment time is refused, not moved to 2 March, and a check-in is not compared with it', () => {
    const after = createAfterTreatmentService(shippedKnowledge(), () => NOW);
    const r = after.triage({ treatment: { ...clinicPenTreatment, treatedAt: '2026-02-30T10:00:00Z' }, checkIn: { at: '2026-03-01T10:00:00Z' }, redFlags: allRedFlagsNo() });
    assert.deepEqual(!r.ok && r.issues.map((i) => i.path), ['treatment.treatedAt']);
    assert.equal(after.plan({ treatment: { ...clinicPenTreatment, treatedAt: '2026-02-30T10:00:00Z' } }).ok, false);
    assert.equal(after.triage({ treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, redFlags: allRedFlagsNo() }).ok, true);
  });
});
