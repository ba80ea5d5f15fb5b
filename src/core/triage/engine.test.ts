import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allRedFlagsNo, atHours, clinicPenTreatment, rfTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { levelRank } from '../rules/order.js';
import { triage } from './engine.js';
import { triageInputSchema } from './input.js';

const kb = shippedKnowledge();
const schema = triageInputSchema(kb);
const run = (raw: unknown) => triage(kb, schema.parse(raw), { now: NOW });
const checkIn = (hours: number, extra: object = {}) => ({ treatment: clinicPenTreatment, checkIn: { at: atHours(hours) }, redFlags: allRedFlagsNo(), ...extra });
const expectedRedness = (hours: number, trend: 'improving' | 'same' | 'worsening' = 'improving') => ({
  id: 'redness', severity: 'mild', trend, beyondTreatedArea: false, startedAt: atHours(0),
});

describe('check-in triage', () => {
  it('expected healing gets a calm, specific self_care answer with the next check-in', () => {
    const r = run(checkIn(30, { symptoms: [expectedRedness(30)] }));
    assert.equal(r.level, 'self_care');
    assert.ok(r.likelyExplanations.some((e) => e.effectId === 'erythema_expected' && e.kind === 'expected'));
    assert.equal(r.nextCheckIn?.at, atHours(72));
    assert.deepEqual(r.questions, []);
  });

  it('the same symptom means different things on different days', () => {
    assert.equal(run(checkIn(30, { symptoms: [expectedRedness(30, 'same')] })).level, 'self_care');
    const day10 = run(checkIn(240, { symptoms: [expectedRedness(240, 'same')] }));
    assert.equal(day10.level, 'contact_practitioner');
    assert.ok(day10.likelyExplanations.some((e) => e.effectId === 'persistent_erythema'));
  });

  it('a worsening trend after the expected peak escalates', () => {
    const r = run(checkIn(80, { symptoms: [expectedRedness(80, 'worsening')] }));
    assert.ok(levelRank(r.level) >= levelRank('see_doctor_today'), r.level);
  });

  it('escalation pair: fever with spreading redness goes to emergency care', () => {
    const r = run(checkIn(72, { redFlags: { ...allRedFlagsNo(), fever: 'yes', rapidly_spreading_redness: 'yes' }, temperatureC: 38.6 }));
    assert.ok(levelRank(r.level) >= levelRank('emergency_department'), r.level);
    assert.ok(r.likelyExplanations.some((e) => e.effectId === 'bacterial_infection'));
  });

  it('emergency discriminators come first: breathing difficulty means call now', () => {
    const r = run(checkIn(2, { redFlags: { ...allRedFlagsNo(), breathing_difficulty: 'yes' }, symptoms: [expectedRedness(2)] }));
    assert.equal(r.level, 'call_emergency_number');
  });

  it('signs of a stroke escalate and are never put down to the treatment', () => {
    const r = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes', limb_weakness: 'yes' } }));
    assert.equal(r.level, 'call_emergency_number');
    assert.ok(r.notFromTreatment.length > 0);
    assert.deepEqual(r.likelyExplanations.filter((e) => e.effectId === 'nerve_injury'), []);
    const chest = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), chest_pain: 'yes' } }));
    assert.equal(chest.level, 'call_emergency_number');
    assert.deepEqual(chest.likelyExplanations, []);
  });

  it('unanswered red flags never reassure and are listed as questions', () => {
    const r = run({ treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, symptoms: [expectedRedness(30)] });
    assert.ok(levelRank(r.level) >= levelRank('contact_practitioner'));
    assert.ok(r.questions.some((q) => q.symptomId === 'breathing_difficulty'));
  });

  it('an RF blister escalates after RF', () => {
    const r = run({ ...checkIn(20), treatment: rfTreatment, redFlags: { ...allRedFlagsNo(), rf_blisters: 'yes' } });
    assert.ok(levelRank(r.level) >= levelRank('see_doctor_today'));
  });

  it('rejects a check-in before the treatment and an impossible temperature, with reasons', () => {
    const before = schema.safeParse({ treatment: clinicPenTreatment, checkIn: { at: atHours(-2) } });
    assert.equal(before.success, false);
    assert.match(JSON.stringify(before.error?.issues), /before the treatment/);
    const hot = schema.safeParse({ ...checkIn(30), temperatureC: 80 });
    assert.match(JSON.stringify(hot.error?.issues), /between 30 and 45/);
  });

  // Property tests.
  const redFlagIds = kb.symptoms.filter((s) => s.redFlag).map((s) => s.id);
  const localIds = kb.symptoms.filter((s) => !s.redFlag).map((s) => s.id);
  const arbSymptom = fc.record({
    id: fc.constantFrom(...localIds),
    severity: fc.constantFrom('mild', 'moderate', 'severe'),
    trend: fc.constantFrom('improving', 'same', 'worsening'),
    beyondTreatedArea: fc.boolean(),
    hoursAgo: fc.integer({ min: 0, max: 48 }),
  });
  const arbCheckIn = fc.record({
    hours: fc.integer({ min: 0, max: 1200 }),
    symptoms: fc.uniqueArray(arbSymptom, { maxLength: 4, selector: (s) => s.id }),
    yes: fc.subarray(redFlagIds, { maxLength: 2 }),
    unknown: fc.subarray(redFlagIds, { maxLength: 2 }),
    rf: fc.boolean(),
  });
  const build = (c: { hours: number; symptoms: { id: string; severity: string; trend: string; beyondTreatedArea: boolean; hoursAgo: number }[]; yes: string[]; unknown: string[]; rf: boolean }) => {
    const redFlags: Record<string, string> = allRedFlagsNo();
    for (const id of c.unknown) redFlags[id] = 'unknown';
    for (const id of c.yes) redFlags[id] = 'yes';
    return schema.parse({
      treatment: c.rf ? rfTreatment : clinicPenTreatment,
      checkIn: { at: atHours(c.hours) },
      redFlags,
      symptoms: c.symptoms.map(({ hoursAgo, ...s }) => ({ ...s, startedAt: atHours(Math.max(0, c.hours - hoursAgo)) })),
    });
  };
  const level = (i: ReturnType<typeof build>) => levelRank(triage(kb, i, { now: NOW }).level);

  it('property: adding a red flag never lowers the level; an unknown answer never lowers it below "no"', () => {
    fc.assert(fc.property(arbCheckIn, fc.constantFrom(...redFlagIds), (c, flag) => {
      const base = level(build(c));
      const withFlag = level(build({ ...c, yes: [...c.yes, flag], unknown: c.unknown.filter((x) => x !== flag) }));
      const withUnknown = c.yes.includes(flag) ? base : level(build({ ...c, unknown: [...c.unknown, flag] }));
      return withFlag >= base && withUnknown >= base;
    }), { numRuns: 300 });
  });

  it('property: worsening a trend or raising a severity never lowers the level', () => {
    fc.assert(fc.property(arbCheckIn.filter((c) => c.symptoms.length > 0), fc.nat(), (c, k) => {
      const i = k % c.symptoms.length;
      const s = c.symptoms[i];
      if (!s) return true;
      const base = level(build(c));
      const worse = level(build({ ...c, symptoms: c.symptoms.map((x, j) => (j === i ? { ...x, trend: 'worsening' } : x)) }));
      const severe = level(build({ ...c, symptoms: c.symptoms.map((x, j) => (j === i ? { ...x, severity: 'severe' } : x)) }));
      return worse >= base && severe >= base;
    }), { numRuns: 300 });
  });

  // The L0 ("expected") cells of REFERENCE 7.2, as [symptom, from hour, until hour): triage's own definition of normal.
  const NORMAL: readonly [string, number, number][] = [
    ['redness', 0, 168], // 0-24 h L0; d1-3 L0 if fading; d4-7 L0 if mild and fading; 7.3: >7 d -> L1
    ['warmth', 0, 168],
    ['tightness_stinging', 0, 72],
    ['swelling', 0, 96], // d1-3 L0 if settling; d4-7 L1
    ['pinpoint_bleeding_ooze', 0, 24],
    ['dryness_flaking', 24, 192],
    ['small_bruises', 0, 192],
  ];
  it('property: only expected effects inside their normal windows is self_care', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 191 }), fc.subarray([...NORMAL], { minLength: 1, maxLength: 4 }), (hours, cells) => {
      const symptoms = cells
        .filter(([, from, to]) => hours >= from && hours < to)
        .map(([id]) => ({ id, severity: 'mild', trend: 'improving', beyondTreatedArea: false, startedAt: atHours(0) }));
      const r = triage(kb, schema.parse(checkIn(hours, { symptoms })), { now: NOW });
      if (r.level !== 'self_care') throw new Error(`${hours} h, ${symptoms.map((s) => s.id).join(',')}: ${r.level} via ${r.findings.filter((f) => f.level === r.level).map((f) => f.ruleId).join(',')}`);
      return true;
    }), { numRuns: 400 });
  });

  it('property: deterministic', () => {
    fc.assert(fc.property(arbCheckIn, (c) => {
      const i = build(c);
      assert.deepEqual(triage(kb, i, { now: NOW }), triage(kb, i, { now: NOW }));
    }), { numRuns: 100 });
  });
});
