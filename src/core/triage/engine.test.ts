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

  const symptom = (id: string, hours: number, severity: string, trend: string, startedAt = 0) => ({
    id, severity, trend, beyondTreatedArea: false, startedAt: atHours(startedAt),
  });

  it('a symptom no rule explains for that day is never called normal healing', () => {
    const cases: [string, number, object][] = [
      ['raised_firm_scar', 120, {}],
      ['itch', 480, {}],
      ['darker_patches', 48, {}],
      ['hollowing_contour_dent', 48, { treatment: { ...rfTreatment, zones: [{ zone: 'temple', depthMm: 2.0 }], rfEnergy: 'high' } }],
      ['firm_red_brown_bumps', 20, { treatment: { ...clinicPenTreatment, products: ['vitamin_c_serum'] } }],
    ];
    for (const [id, hours, extra] of cases) {
      const r = run(checkIn(hours, { symptoms: [symptom(id, hours, id === 'itch' ? 'severe' : 'moderate', 'same', hours - 4)], ...extra }));
      assert.ok(levelRank(r.level) >= levelRank(kb.manifest.policy.unexplainedSymptomFloor ?? 'contact_practitioner'), `${id} at ${hours} h: ${r.level}`);
      assert.deepEqual(r.unexplained.map((u) => u.symptomId), [id]);
      assert.match(r.unexplained[0]?.note ?? '', /cannot be called normal/);
      assert.ok(r.advice.some((a) => a.includes('cannot reassure you')), `${id}: ${r.advice.join(' | ')}`);
    }
    const calm = run(checkIn(30, { symptoms: [symptom('redness', 30, 'mild', 'same'), symptom('swelling', 30, 'mild', 'improving')] }));
    assert.equal(calm.level, 'self_care');
    assert.deepEqual(calm.unexplained, []);
  });

  it('redness that is not fading on days 1-3: mild and unchanged on day 1 is normal, unchanged from 48 h is not', () => {
    assert.equal(run(checkIn(30, { symptoms: [symptom('redness', 30, 'mild', 'same')] })).level, 'self_care');
    assert.equal(run(checkIn(30, { symptoms: [symptom('swelling', 30, 'mild', 'same')] })).level, 'self_care');
    for (const hours of [48, 95, 96]) {
      const r = run(checkIn(hours, { symptoms: [symptom('redness', hours, 'moderate', 'same')] }));
      assert.equal(r.level, 'contact_practitioner', `${hours} h`);
    }
    assert.equal(run(checkIn(60, { symptoms: [symptom('warmth', 60, 'mild', 'same')] })).level, 'contact_practitioner');
    assert.equal(run(checkIn(60, { symptoms: [symptom('swelling', 60, 'mild', 'same')] })).level, 'contact_practitioner');
  });

  it('facial droop with slurred speech or confusion is a possible stroke: stroke advice, no treatment explanation', () => {
    const both = [
      { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes', slurred_speech: 'yes' } },
      { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes', confusion: 'yes' } },
      { redFlags: { ...allRedFlagsNo(), slurred_speech: 'yes' }, symptoms: [symptom('facial_weakness', 30, 'moderate', 'same', 28)] },
    ];
    for (const extra of both) {
      const r = run(checkIn(48, extra));
      assert.equal(r.level, 'call_emergency_number');
      assert.ok(r.findings.some((f) => f.ruleId === 'tri_emg_stroke_signs' && f.status === 'applies'));
      assert.deepEqual(r.notFromTreatment.map((n) => n.ruleId), ['tri_emg_stroke_signs']);
      assert.deepEqual(r.likelyExplanations, []);
      assert.match(r.advice[0] ?? '', /stroke/);
      assert.ok(r.advice.every((a) => !/seizure/i.test(a)), r.advice.join(' | '));
    }
  });

  it('facial droop with unanswered stroke questions is treated as a possible stroke, and asks them', () => {
    const r = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes', limb_weakness: 'unknown', speech_or_vision_disturbance: 'unknown' } }));
    assert.equal(r.level, 'call_emergency_number');
    assert.deepEqual(r.notFromTreatment.map((n) => n.ruleId), ['tri_emg_stroke_signs']);
    assert.deepEqual(r.likelyExplanations, []);
    assert.deepEqual(r.questions.slice(0, 2).map((q) => q.symptomId), ['limb_weakness', 'speech_or_vision_disturbance']);
    const answered = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes' } }));
    assert.equal(answered.level, 'see_doctor_today');
    const notReported = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'unknown', limb_weakness: 'unknown' } }));
    assert.equal(notReported.level, 'contact_practitioner');
  });

  it('fever with pus is not less urgent after day 3 than on day 3', () => {
    const at = (hours: number) => run(checkIn(hours, { redFlags: { ...allRedFlagsNo(), fever: 'yes', pus_or_honey_crusts: 'yes' }, temperatureC: 38.8 })).level;
    assert.equal(at(95), 'emergency_department');
    assert.equal(at(96), 'emergency_department');
    assert.equal(at(97), 'emergency_department');
    assert.equal(at(400), 'emergency_department');
  });

  it('explanations follow the fired complication rules, not expected healing or unrelated effects', () => {
    const r = run(checkIn(72, {
      redFlags: { ...allRedFlagsNo(), fever: 'yes', rapidly_spreading_redness: 'yes' },
      temperatureC: 38.5,
      symptoms: [symptom('redness', 72, 'moderate', 'worsening')],
    }));
    assert.deepEqual(r.likelyExplanations.map((e) => e.effectId), ['bacterial_infection']);
  });

  it('an emergency result has no next check-in: the next step is the emergency action', () => {
    for (const flags of [{ breathing_difficulty: 'yes' }, { fever: 'yes', rapidly_spreading_redness: 'yes' }]) {
      const r = run(checkIn(50, { redFlags: { ...allRedFlagsNo(), ...flags }, temperatureC: 38.6 }));
      assert.ok(['emergency_department', 'call_emergency_number'].includes(r.level), r.level);
      assert.equal(r.nextCheckIn, null);
    }
    assert.notEqual(run(checkIn(50, { redFlags: { ...allRedFlagsNo(), pus_or_honey_crusts: 'yes' } })).nextCheckIn, null);
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

  it('property: a self_care answer rests on an applying rule for every reported symptom', () => {
    fc.assert(fc.property(arbCheckIn, (c) => {
      const r = triage(kb, build({ ...c, yes: [], unknown: [] }), { now: NOW });
      if (r.level !== 'self_care') return true;
      const used = new Set(r.findings.filter((f) => f.status === 'applies').flatMap((f) => Object.keys(f.inputs)));
      return c.symptoms.every((s) => [...used].some((k) => k === `symptom.${s.id}` || k.startsWith(`symptom.${s.id}.`)));
    }), { numRuns: 300 });
  });

  it('property: deterministic', () => {
    fc.assert(fc.property(arbCheckIn, (c) => {
      const i = build(c);
      assert.deepEqual(triage(kb, i, { now: NOW }), triage(kb, i, { now: NOW }));
    }), { numRuns: 100 });
  });
});
