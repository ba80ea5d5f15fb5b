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

  it('a self-care answer says until which day the sign is normal, by the depth where it is', () => {
    const shallow = run({ treatment: { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.5 }] }, checkIn: { at: atHours(30) }, redFlags: allRedFlagsNo(), symptoms: [expectedRedness(30)] });
    assert.equal(shallow.level, 'self_care');
    assert.ok(shallow.advice.some((a) => /normal up to day 2 after this treatment/.test(a)), shallow.advice.join('|'));
    const deep = run({ treatment: { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.0 }] }, checkIn: { at: atHours(30) }, redFlags: allRedFlagsNo(), symptoms: [expectedRedness(30)] });
    assert.ok(deep.advice.some((a) => /normal up to day 7 after this treatment/.test(a)), deep.advice.join('|'));
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
    assert.equal(r.likelyExplanations[0]?.effectId, 'cellulitis');
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
    // A sudden droop is L3 on its own (REFERENCE §7.1 rev 2); the stroke questions are still asked first.
    assert.deepEqual(r.notFromTreatment.map((n) => n.ruleId), ['tri_emg_sudden_face_droop']);
    assert.match(r.advice[0] ?? '', /stroke/);
    assert.deepEqual(r.likelyExplanations, []);
    assert.deepEqual(r.questions.slice(0, 2).map((q) => q.symptomId), ['limb_weakness', 'speech_or_vision_disturbance']);
    // REFERENCE §7.1 rev 2: a face that suddenly droops is L3 even alone.
    const answered = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes' } }));
    assert.equal(answered.level, 'call_emergency_number');
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
    assert.deepEqual(r.likelyExplanations.map((e) => e.effectId), ['cellulitis']);
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
    // REFERENCE rev 2 §4.1 depth-aware window; the fixture is a 1.0 mm pen: normal to the end of day 3.
    ['redness', 0, 96],
    ['warmth', 0, 96],
    ['tightness_stinging', 0, 96],
    ['itch', 0, 96],
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

// Issue 9, "Clinical accuracy, round 2" (REFERENCE revision 2 §0, §4.1, §4.2, §7.1-7.3). Each block covers one
// defect class found by outside testers and failed on the code before the fix.
describe('check-in triage: clinical accuracy round 2', () => {
  const sym = (id: string, hours: number, severity = 'mild', trend = 'improving', extra: object = {}) => ({
    id, severity, trend, beyondTreatedArea: false, startedAt: atHours(Math.max(0, hours - 6)), ...extra,
  });
  const withCream = { ...clinicPenTreatment, numbingCream: true };
  const roller025 = { ...clinicPenTreatment, setting: 'home', device: 'roller', zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.25 }] };
  const pen2mm = { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.0 }] };

  it('urgent: a face that suddenly droops is a call-now emergency even alone (companions answered no or unanswered)', () => {
    const answeredNo = run(checkIn(30, { redFlags: { ...allRedFlagsNo(), facial_droop: 'yes' } }));
    assert.equal(answeredNo.level, 'call_emergency_number');
    assert.ok(answeredNo.notFromTreatment.length > 0);
    assert.deepEqual(answeredNo.likelyExplanations.filter((e) => e.effectId === 'nerve_injury'), []);
    assert.match(answeredNo.advice[0] ?? '', /time/);
    const onlyDroop = run({ treatment: clinicPenTreatment, checkIn: { at: atHours(500) }, redFlags: { facial_droop: 'yes' } });
    assert.equal(onlyDroop.level, 'call_emergency_number');
  });

  it('urgent: only weakness present since an RF treatment, not worsening, no other sign, is same-day (nerve injury)', () => {
    const rfWeak = (trend: string, treatment: object = rfTreatment) =>
      run({ ...checkIn(30), treatment, symptoms: [sym('facial_weakness', 30, 'moderate', trend, { startedAt: atHours(0) })] });
    assert.equal(rfWeak('same').level, 'see_doctor_today');
    assert.ok(rfWeak('same').likelyExplanations.some((e) => e.effectId === 'nerve_injury'));
    assert.equal(rfWeak('worsening').level, 'call_emergency_number');
    assert.equal(rfWeak('same', clinicPenTreatment).level, 'call_emergency_number');
  });

  it('urgent: anaesthetic-toxicity signs are emergencies at any time; within 12 h of cream they are put down to the cream', () => {
    for (const flag of ['seizure', 'confusion', 'slurred_speech', 'irregular_fast_heartbeat', 'fainting', 'blue_grey_lips_breathless']) {
      const at7 = run(checkIn(7, { treatment: withCream, redFlags: { ...allRedFlagsNo(), [flag]: 'yes' } }));
      assert.equal(at7.level, 'call_emergency_number', flag);
      assert.ok(at7.likelyExplanations.some((e) => e.effectId === 'topical_anaesthetic_toxicity'), `${flag}: ${at7.likelyExplanations.map((e) => e.effectId).join()}`);
      assert.ok(!at7.notFromTreatment.some((n) => n.ruleId === 'tri_emg_seizure_confusion_any_time'), flag);
      const late = run(checkIn(30, { treatment: withCream, redFlags: { ...allRedFlagsNo(), [flag]: 'yes' } }));
      assert.equal(late.level, 'call_emergency_number', flag);
    }
  });

  it('urgent: early toxicity symptoms within 12 h of numbing cream go to the emergency department', () => {
    for (const h of [2, 7, 11.9]) {
      const r = run(checkIn(h, { treatment: withCream, redFlags: { ...allRedFlagsNo(), anaesthetic_toxicity_early: 'yes' } }));
      assert.equal(r.level, 'emergency_department', `${h} h`);
      assert.ok(r.likelyExplanations.some((e) => e.effectId === 'topical_anaesthetic_toxicity'));
    }
    const unknownCream = run(checkIn(8, { redFlags: { ...allRedFlagsNo(), anaesthetic_toxicity_early: 'yes' } }));
    assert.ok(levelRank(unknownCream.level) >= levelRank('emergency_department'), unknownCream.level);
  });

  it('urgent: bleeding that will not stop after 10-15 minutes of pressure is an emergency at any time, blood thinner kept', () => {
    for (const h of [2, 30, 120, 400]) {
      const r = run(checkIn(h, {
        person: { medications: [{ id: 'anticoagulant', status: 'current' }] },
        redFlags: { ...allRedFlagsNo(), bleeding_not_stopping: 'yes' },
      }));
      assert.equal(r.level, 'emergency_department', `${h} h`);
      assert.ok(r.advice.some((a) => /do not stop/i.test(a)), r.advice.join(' | '));
      assert.ok(!r.advice.some((a) => /stop (taking )?your blood thinner/i.test(a) && !/do not stop/i.test(a)));
    }
  });

  it('over-caution: mild itch on day 3 is expected healing', () => {
    const r = run(checkIn(80, { symptoms: [sym('itch', 80, 'mild', 'same')] }));
    assert.equal(r.level, 'self_care');
    assert.deepEqual(r.unexplained, []);
  });

  it('over-caution: tiny dotted scabs after 2 mm needling are expected; after a week or honey-coloured they are not', () => {
    const r = run({ ...checkIn(50), treatment: pen2mm, symptoms: [sym('pinpoint_crusts', 50)] });
    assert.equal(r.level, 'self_care');
    assert.ok(r.likelyExplanations.some((e) => e.effectId === 'pinpoint_crusts_expected'));
    assert.equal(run({ ...checkIn(200), treatment: pen2mm, symptoms: [sym('pinpoint_crusts', 200, 'mild', 'same')] }).level, 'contact_practitioner');
    const rf = run({ ...checkIn(30), treatment: rfTreatment, symptoms: [sym('rf_grid_marks', 30)] });
    assert.equal(rf.level, 'self_care');
  });

  it('over-caution: acne-like spots with mild pain on day 5 are L1; a raised firm scar at 6 weeks is L1', () => {
    const acne = run(checkIn(120, { symptoms: [sym('acne_like_spots', 120, 'mild', 'same'), sym('pain', 120, 'mild', 'same')] }));
    assert.equal(acne.level, 'contact_practitioner');
    assert.deepEqual(acne.unexplained, []);
    assert.equal(run(checkIn(1008, { symptoms: [sym('raised_firm_scar', 1008, 'mild', 'same')] })).level, 'contact_practitioner');
  });

  it('false reassurance: redness windows depend on depth (REFERENCE §4.1 rev 2)', () => {
    const redness = (treatment: object, h: number) => run({ ...checkIn(h), treatment, symptoms: [sym('redness', h, 'mild', 'improving')] }).level;
    assert.equal(redness(roller025, 60), 'self_care');
    assert.equal(redness(roller025, 72), 'contact_practitioner');
    assert.equal(redness(roller025, 120), 'contact_practitioner');
    assert.equal(redness(clinicPenTreatment, 95), 'self_care');
    assert.equal(redness(clinicPenTreatment, 96), 'contact_practitioner');
    assert.equal(redness(pen2mm, 150), 'self_care');
    assert.equal(redness(rfTreatment, 150), 'self_care');
    const swelling = (treatment: object, h: number) => run({ ...checkIn(h), treatment, symptoms: [sym('swelling', h, 'mild', 'improving')] }).level;
    assert.equal(swelling(rfTreatment, 130), 'self_care');
    assert.equal(swelling(clinicPenTreatment, 130), 'contact_practitioner');
    assert.equal(swelling(rfTreatment, 144), 'contact_practitioner');
  });

  it('where: a cold sore on the lip after periorbital work is not treated as near the eye; unknown place still is', () => {
    const eyeAndLip = { ...clinicPenTreatment, zones: [{ zone: 'periorbital_lower_lid', depthMm: 0.5 }, { zone: 'perioral_upper_lip', depthMm: 0.5 }] };
    const blisters = (zones?: string[]) => run({ ...checkIn(60), treatment: eyeAndLip, symptoms: [sym('clustered_blisters_tingling', 60, 'mild', 'same', zones ? { zones } : {})] });
    assert.equal(blisters(['perioral_upper_lip']).level, 'see_doctor_today');
    assert.equal(blisters(['periorbital_lower_lid']).level, 'emergency_department');
    assert.equal(blisters().level, 'emergency_department');
    const bad = schema.safeParse({ ...checkIn(60), symptoms: [sym('redness', 60, 'mild', 'improving', { zones: ['elbow'] })] });
    assert.equal(bad.success, false);
    assert.ok(bad.error?.issues.some((i) => i.path.join('.') === 'symptoms.0.zones.0'), JSON.stringify(bad.error?.issues));
  });

  it('question economy: "none of these" answers every unanswered red flag no; without it they stay unknown', () => {
    const base = { treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, symptoms: [sym('redness', 30)] };
    assert.equal(run(base).level, 'contact_practitioner');
    const none = run({ ...base, redFlagsNoneOfThese: true });
    assert.equal(none.level, 'self_care');
    assert.deepEqual(none.questions, []);
    const listed = run({ ...base, redFlagsNoneOfThese: true, redFlags: { fever: 'yes' }, symptoms: [sym('redness', 30), sym('pus_or_honey_crusts', 30)] });
    assert.ok(levelRank(listed.level) >= levelRank('see_doctor_today'), listed.level);
  });

  it('levels describe urgency only; who to see is in the advice', () => {
    const l1 = kb.levels.find((l) => l.id === 'contact_practitioner');
    assert.match(`${l1?.label} ${l1?.timeFrame}`, /1.2 days|24.48 hours/);
    assert.match(l1?.words ?? '', /doctor/);
  });
});
