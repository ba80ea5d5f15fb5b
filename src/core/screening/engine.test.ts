import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  NOW, PLANNED, clinicCheekPlan, healthyAdult, healthyClinicScreening, homeRfPlan, homeRollerPlan,
  patientOnIsotretinoin, personWithRecentToxin, shippedKnowledge,
} from '../../../test/support/fixtures.js';
import { verdictRank } from '../rules/order.js';
import { screen } from './engine.js';
import { screeningInputSchema, type ScreeningInput } from './input.js';

const kb = shippedKnowledge();
const schema = screeningInputSchema(kb);
const parse = (x: unknown): ScreeningInput => schema.parse(x);
const run = (x: unknown) => screen(kb, parse(x), { now: NOW });
const fired = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.status === 'applies').map((f) => f.ruleId);

describe('screening engine', () => {
  it('a clean clinic plan for a healthy adult is proceed, stamped with versions and the caller\'s time', () => {
    const r = run(healthyClinicScreening);
    assert.equal(r.verdict, 'proceed', JSON.stringify(r.findings.map((f) => f.ruleId)));
    assert.equal(r.stamp.evaluatedAt, NOW);
    assert.equal(r.stamp.knowledgeHash, kb.hash);
    assert.equal(r.stamp.clinicalReview, 'not yet reviewed by a clinician');
    assert.match(r.notices.emergency, /emergency number/);
  });

  it('the same person is fine in a clinic and not at home with RF', () => {
    const home = run({ person: healthyAdult, plan: homeRfPlan });
    assert.equal(home.verdict, 'do_not_treat');
    assert.ok(fired(home).includes('scr_rf_at_home'));
    const f = home.findings.find((x) => x.ruleId === 'scr_rf_at_home');
    assert.ok(f && f.sources.some((s) => s.id === 'fda2025rf' && s.grade === 'R'));
    assert.deepEqual(Object.keys(f.inputs).sort().includes('plan.setting'), true);
  });

  it('defers after recent toxin and computes the earliest date from the toxin date', () => {
    const r = run({ person: personWithRecentToxin, plan: clinicCheekPlan });
    assert.equal(r.verdict, 'defer');
    const tox = r.findings.find((f) => f.ruleId.startsWith('scr_recent_botulinum_toxin'));
    assert.ok(tox, fired(r).join(','));
    // Toxin on 2026-11-25 + 14 days.
    assert.equal(r.earliestDate, '2026-12-09');
    assert.ok(r.mustChange.length > 0);
  });

  it('an unknown pregnancy answer is never treated as no: it asks and holds the verdict', () => {
    const r = run({ person: { ...healthyAdult, pregnant: 'unknown' }, plan: clinicCheekPlan });
    assert.ok(verdictRank(r.verdict) >= verdictRank('defer'), r.verdict);
    assert.ok(r.questions.some((q) => q.ruleId === 'scr_pregnancy'));
    assert.equal(r.earliestDate, null);
  });

  it('isotretinoin 2 months ago blocks RF but not a mechanical clinic plan outright', () => {
    const rf = run({ person: patientOnIsotretinoin, plan: { ...clinicCheekPlan, device: 'rf_mn_insulated' } });
    assert.ok(fired(rf).includes('scr_isotretinoin_rf'));
    assert.equal(rf.verdict, 'defer');
    assert.equal(rf.earliestDate, '2027-04-02'); // 2026-10-01 + 183 days
    const mech = run({ person: patientOnIsotretinoin, plan: clinicCheekPlan });
    assert.ok(fired(mech).includes('scr_isotretinoin_mechanical'));
    assert.ok(!fired(mech).includes('scr_isotretinoin_rf'));
  });

  it('a home roller at 0.25 mm is allowed but a home roller at 0.6 mm is not', () => {
    const ok = run({ person: healthyAdult, plan: homeRollerPlan });
    assert.ok(!fired(ok).includes('scr_home_mech_over_0_25'), fired(ok).join(','));
    const deep = run({ person: healthyAdult, plan: { ...homeRollerPlan, zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.6 }] } });
    assert.equal(deep.verdict, 'do_not_treat');
    assert.ok(fired(deep).includes('scr_home_mech_over_0_5'));
    assert.ok(deep.alternatives.length > 0);
  });

  it('depth over the zone ceiling blocks that plan and names the zone', () => {
    const r = run({ person: healthyAdult, plan: { ...clinicCheekPlan, zones: [{ zone: 'forehead', depthMm: 1.5 }] } });
    assert.equal(r.verdict, 'do_not_treat');
    const f = r.findings.find((x) => x.ruleId === 'scr_zone_depth_over_ceiling');
    assert.deepEqual(f?.zones, ['forehead']);
    const atCeiling = run({ person: healthyAdult, plan: { ...clinicCheekPlan, zones: [{ zone: 'forehead', depthMm: 1.0 }] } });
    assert.ok(!fired(atCeiling).includes('scr_zone_depth_over_ceiling'));
  });

  it('derives the Fitzpatrick type from the self-report when no type is stated', () => {
    const { fitzpatrick: _omit, ...person } = healthyAdult;
    const r = run({ person: { ...person, fitzpatrickSelfReport: 'rarely_burns_tans_easily' }, plan: clinicCheekPlan });
    assert.deepEqual(r.derived.fitzpatrick, { value: 4, from: 'self_report' });
    assert.ok(fired(r).includes('scr_fitzpatrick_iv_to_vi'));
    const stated = run({ person: { ...healthyAdult, fitzpatrickSelfReport: 'rarely_burns_tans_easily' }, plan: clinicCheekPlan });
    assert.deepEqual(stated.derived.fitzpatrick, { value: 2, from: 'stated' });
    assert.throws(() => parse({ person, plan: clinicCheekPlan }), /Fitzpatrick/);
  });

  it('a zone rule gives one finding listing its zones', () => {
    const r = run({ person: { ...healthyAdult, conditions: [{ id: 'hsv_labialis', status: 'history' }] }, plan: { ...clinicCheekPlan, zones: [{ zone: 'perioral_upper_lip', depthMm: 0.5 }, { zone: 'chin', depthMm: 0.5 }] } });
    const hsv = r.findings.filter((f) => f.ruleId === 'scr_hsv_history');
    assert.equal(hsv.length, 1, JSON.stringify(hsv));
    assert.equal(hsv[0]?.status, 'applies');
    assert.ok(hsv[0]?.zones?.includes('perioral_upper_lip'));
  });

  it('every finding carries a rule id, inputs and at least one graded source', () => {
    const r = run({ person: { ...patientOnIsotretinoin, pregnant: 'unknown', fitzpatrick: 5 }, plan: homeRfPlan });
    assert.ok(r.findings.length > 3);
    for (const f of r.findings) {
      assert.ok(f.ruleId && f.sources.length > 0, f.ruleId);
      assert.ok(f.sources.every((s) => ['A', 'B', 'C', 'D', 'R', 'U'].includes(s.grade)));
    }
  });

  it('a wait that counts from an undated event gives no date, and says what must happen', () => {
    const infection = run({ person: { ...healthyAdult, conditions: [{ id: 'active_infection', status: 'active', inField: 'yes' }] }, plan: clinicCheekPlan });
    assert.equal(infection.verdict, 'defer');
    assert.equal(infection.earliestDate, null);
    assert.equal(infection.findings.find((f) => f.ruleId === 'scr_active_infection_at_site')?.earliestDate, null);
    assert.ok(infection.mustChange.some((m) => /No date can be given yet: the wait of at least 7 days starts when this has cleared/.test(m)), infection.mustChange.join('|'));
    // Sunburn today, plan 8 weeks away: planned + 14 would be an invented (and too late) date.
    const sunburn = run({ person: { ...healthyAdult, conditions: [{ id: 'sunburn', status: 'active', inField: 'yes' }] }, plan: { ...clinicCheekPlan, plannedDate: '2027-01-26' } });
    assert.equal(sunburn.earliestDate, null);
    for (const id of ['compromised_barrier', 'recent_tan']) {
      assert.equal(run({ person: { ...healthyAdult, conditions: [{ id, status: 'active', inField: 'yes' }] }, plan: clinicCheekPlan }).earliestDate, null, id);
    }
  });

  it('the overall date is null when any deferring finding has no date, even beside a dated one', () => {
    const r = run({ person: { ...personWithRecentToxin, conditions: [{ id: 'sunburn', status: 'active', inField: 'yes' }] }, plan: clinicCheekPlan });
    assert.equal(r.findings.find((f) => f.ruleId === 'scr_recent_botulinum_toxin')?.earliestDate, '2026-12-09');
    assert.equal(r.earliestDate, null);
  });

  it('a date is provisional while a question that could defer or block is open', () => {
    const open = run({ person: { ...personWithRecentToxin, pregnant: 'unknown' }, plan: clinicCheekPlan });
    assert.equal(open.earliestDate, '2026-12-09');
    assert.equal(open.earliestDateProvisional, true);
    const answered = run({ person: personWithRecentToxin, plan: clinicCheekPlan });
    assert.equal(answered.earliestDateProvisional, false);
  });

  it('a plan change needed under proceed_with_precautions is listed in mustChange', () => {
    const r = run({ person: healthyAdult, plan: { ...clinicCheekPlan, products: [{ id: 'hyaluronic_acid_cosmetic', sterile: 'no' }] } });
    assert.equal(r.verdict, 'proceed_with_precautions');
    assert.ok(r.mustChange.some((m) => m.startsWith('Change before the session: Product applied during or right after needling') && m.includes('ordinary hyaluronic-acid serum')), r.mustChange.join('|'));
    assert.deepEqual(run(healthyClinicScreening).mustChange, []);
  });

  it('each question appears once, credited to the most restrictive rule asking it', () => {
    const r = run({ person: { ...healthyAdult, age: 'unknown' }, plan: clinicCheekPlan });
    const age = r.questions.filter((q) => q.question === 'How old are you?');
    assert.deepEqual(age.map((q) => q.ruleId), ['scr_age_under_18']);
    assert.equal(new Set(r.questions.map((q) => q.question)).size, r.questions.length);
  });

  it('a self-report answer that disagrees with the stated Fitzpatrick type is flagged; the stated type is used', () => {
    const r = run({ person: { ...healthyAdult, fitzpatrickSelfReport: 'never_burns_deeply_pigmented' }, plan: clinicCheekPlan });
    assert.deepEqual(r.derived.fitzpatrick, { value: 2, from: 'stated' });
    assert.equal(r.verdict, 'proceed_with_precautions');
    assert.ok(fired(r).includes('scr_fitzpatrick_self_report_disagrees'));
    assert.ok(!fired(r).includes('scr_fitzpatrick_iv_to_vi'));
    const { fitzpatrick: _omit, ...noType } = healthyAdult;
    const selfOnly = run({ person: { ...noType, fitzpatrickSelfReport: 'never_burns_deeply_pigmented' }, plan: clinicCheekPlan });
    assert.ok(!fired(selfOnly).includes('scr_fitzpatrick_self_report_disagrees'));
  });

  // Property tests over generated plans.
  const zoneIds = kb.zones.map((z) => z.id);
  const arbPlan = fc.record({
    setting: fc.constantFrom('clinic', 'home'),
    device: fc.constantFrom('pen_motorised', 'roller', 'stamp', 'rf_mn_insulated', 'rf_mn_noninsulated', 'nano_needling'),
    zones: fc.uniqueArray(fc.record({ zone: fc.constantFrom(...zoneIds), depthMm: fc.integer({ min: 1, max: 30 }).map((x) => x / 10) }), { minLength: 1, maxLength: 4, selector: (z) => z.zone }),
    needles: fc.constantFrom('single_use_sterile', 'reused', 'unknown'),
  }).map((p) => ({ ...clinicCheekPlan, ...p, operator: p.setting === 'home' ? { role: 'self', licensed: 'no' } : clinicCheekPlan.operator }));
  const conditionIds = kb.conditions.filter((c) => c.category !== 'allergy' && c.category !== 'implant').map((c) => c.id);
  const arbPerson = fc.record({
    age: fc.integer({ min: 14, max: 90 }),
    fitzpatrick: fc.integer({ min: 1, max: 6 }),
    pregnant: fc.constantFrom('yes', 'no', 'unknown'),
    conditions: fc.uniqueArray(fc.record({ id: fc.constantFrom(...conditionIds), status: fc.constantFrom('active', 'history', 'controlled', 'unknown'), inField: fc.constantFrom('yes', 'no', 'unknown') }), { maxLength: 4, selector: (c) => c.id }),
  }).map((p) => ({ ...healthyAdult, ...p }));

  it('property: any well-formed input yields a verdict with at least one source per finding; evaluation is deterministic', () => {
    fc.assert(fc.property(arbPerson, arbPlan, (person, plan) => {
      const input = parse({ person, plan });
      const a = screen(kb, input, { now: NOW });
      const b = screen(kb, input, { now: NOW });
      assert.deepEqual(a, b);
      return a.findings.every((f) => f.sources.length > 0);
    }), { numRuns: 300 });
  });

  it('property: adding a contraindication or an unsafe parameter never makes the verdict less restrictive', () => {
    const unsafe = [
      (i: ScreeningInput): ScreeningInput => ({ ...i, person: { ...i.person, pregnant: 'yes' } }),
      (i: ScreeningInput): ScreeningInput => ({ ...i, plan: { ...i.plan, needles: 'reused' } }),
      (i: ScreeningInput): ScreeningInput => ({ ...i, plan: { ...i.plan, zones: i.plan.zones.map((z) => ({ ...z, depthMm: typeof z.depthMm === "number" ? Math.min(10, z.depthMm + 1) : z.depthMm })) } }),
      (i: ScreeningInput): ScreeningInput => ({ ...i, person: { ...i.person, conditions: [...(Array.isArray(i.person.conditions) ? i.person.conditions.filter((c) => c.id !== 'active_infection') : []), { id: 'active_infection', status: 'active', inField: 'yes' }] } }),
      (i: ScreeningInput): ScreeningInput => ({ ...i, person: { ...i.person, procedures: [{ id: 'botulinum_toxin', date: PLANNED, inField: 'yes' }] } }),
    ];
    fc.assert(fc.property(arbPerson, arbPlan, fc.integer({ min: 0, max: unsafe.length - 1 }), (person, plan, k) => {
      const base = parse({ person, plan });
      const worse = (unsafe[k] ?? ((x: ScreeningInput) => x))(base);
      const a = screen(kb, base, { now: NOW }).verdict;
      const b = screen(kb, worse, { now: NOW }).verdict;
      return verdictRank(b) >= verdictRank(a);
    }), { numRuns: 400 });
  });
});

describe('screening, clinical round 2 (issue 9): verdict classes, clearances, home devices, inputs people can give', () => {
  const warfarinBeautician = {
    person: { ...healthyAdult, conditions: [{ id: 'prosthetic_heart_valve', status: 'active' }], medications: [{ id: 'anticoagulant', lastDose: 'still_taking' }] },
    plan: { ...clinicCheekPlan, operator: { role: 'esthetician', licensed: 'yes' }, zones: [{ zone: 'cheek_medial_buccal', depthMm: 1.5 }] },
  };

  it('a clearance finding defers, says who must clear and why, and never says to stop the medicine', () => {
    const r = run(warfarinBeautician);
    assert.equal(r.verdict, 'defer');
    assert.equal(r.earliestDate, null);
    const c = r.clearances.find((x) => x.ruleId === 'scr_anticoagulant_clearance');
    assert.equal(c?.clearance.state.status, 'needed');
    assert.match(c?.clearance.who ?? '', /prescribed your blood thinner/);
    assert.ok(r.mustChange.some((m) => m.startsWith('Needs clearance:') && m.includes('The doctor who prescribed your blood thinner must agree')), r.mustChange.join('|'));
    const text = JSON.stringify(r.findings.map((f) => f.forPerson));
    assert.doesNotMatch(text, /\bstop (taking )?your (blood thinner|medicine|warfarin)\b/i);
    assert.match(text, /never stop or pause a blood thinner/i);
  });

  it('a recorded clearance by the right role turns it into a precaution; the wrong role or a later date does not', () => {
    const cleared = (by: string, date: string) =>
      run({ ...warfarinBeautician, person: { ...warfarinBeautician.person, clearances: [{ covers: 'anticoagulant', by, date }] } });
    const ok = cleared('prescriber', '2026-11-20');
    assert.equal(ok.verdict, 'proceed_with_precautions');
    assert.deepEqual(ok.clearances.find((x) => x.ruleId === 'scr_anticoagulant_clearance')?.clearance.state, { status: 'recorded', covers: 'anticoagulant', by: 'prescriber', date: '2026-11-20' });
    assert.equal(ok.findings.find((f) => f.ruleId === 'scr_anticoagulant_clearance')?.appliedEffect, 'precaution');
    assert.equal(cleared('surgeon', '2026-11-20').verdict, 'defer');
    const bad = schema.safeParse({ ...warfarinBeautician, person: { ...warfarinBeautician.person, clearances: [{ covers: 'anticoagulant', by: 'prescriber', date: '2026-12-24' }] } });
    assert.equal(bad.success, false);
    assert.match(JSON.stringify(bad.error?.issues), /after the planned treatment date/);
  });

  it('a physician operator takes the decision where REFERENCE allows it (keloid history), not for a blood thinner', () => {
    const keloid = { ...healthyAdult, conditions: [{ id: 'keloid_hypertrophic_scarring', status: 'history' }] };
    assert.equal(run({ person: keloid, plan: { ...clinicCheekPlan, operator: { role: 'nurse', licensed: 'yes' } } }).verdict, 'defer');
    const byPhysician = run({ person: keloid, plan: clinicCheekPlan });
    assert.equal(byPhysician.verdict, 'proceed_with_precautions');
    assert.equal(byPhysician.clearances[0]?.clearance.state.status, 'physician_operator');
    const rfByPhysician = run({ person: { ...healthyAdult, medications: [{ id: 'anticoagulant', lastDose: 'still_taking' }] }, plan: { ...clinicCheekPlan, device: 'rf_mn_insulated', rfInsulated: 'yes' } });
    assert.equal(rfByPhysician.verdict, 'defer');
  });

  it('transplant recipients and badly controlled diabetes need clearance (unsafe passes before)', () => {
    const transplant = run({ person: { ...healthyAdult, conditions: [{ id: 'organ_transplant', status: 'history' }], medications: [{ id: 'immunosuppressant', lastDose: 'still_taking' }] }, plan: clinicCheekPlan });
    assert.equal(transplant.verdict, 'defer');
    assert.match(transplant.mustChange.join('|'), /transplant team/);
    const diabetes = run({ person: { ...healthyAdult, conditions: [{ id: 'diabetes', status: 'active' }] }, plan: clinicCheekPlan });
    assert.equal(diabetes.verdict, 'defer');
  });

  it('isotretinoin stopped a month ago: 1.5 mm by a non-physician defers to six months after the last dose; 0.5 mm is a precaution', () => {
    const person = { ...healthyAdult, medications: [{ id: 'isotretinoin', lastDose: '2026-11-01' }] };
    const deep = run({ person, plan: { ...clinicCheekPlan, operator: { role: 'esthetician', licensed: 'yes' }, zones: [{ zone: 'cheek_medial_buccal', depthMm: 1.5 }] } });
    assert.equal(deep.verdict, 'defer');
    assert.equal(deep.earliestDate, '2027-05-03');
    const shallow = run({ person, plan: { ...clinicCheekPlan, operator: { role: 'esthetician', licensed: 'yes' } } });
    assert.equal(shallow.verdict, 'proceed_with_precautions');
  });

  it('a personal 0.25 mm home roller with a plain moisturiser proceeds; a reused single-use cartridge is blocked', () => {
    const plan = { ...homeRollerPlan, needles: 'own_device_single_user', products: [{ id: 'bland_emollient', sterile: 'unknown' }] };
    const r = run({ person: healthyAdult, plan });
    assert.equal(r.verdict, 'proceed', JSON.stringify(r.findings.filter((f) => f.severity !== 'proceed').map((f) => f.ruleId)));
    assert.deepEqual(r.mustChange, []);
    assert.ok(fired(r).includes('scr_personal_home_device'));
    assert.equal(run({ person: healthyAdult, plan: { ...homeRollerPlan, device: 'pen_motorised', needles: 'reused' } }).verdict, 'do_not_treat');
    const nano = run({ person: healthyAdult, plan: { ...homeRollerPlan, device: 'nano_needling', needles: 'own_device_single_user' } });
    assert.equal(nano.verdict, 'proceed');
  });

  it('an add-on fix names the exact product under what must change', () => {
    const r = run({ person: healthyAdult, plan: { ...homeRollerPlan, needles: 'own_device_single_user', products: [{ id: 'vitamin_c_serum', sterile: 'no' }] } });
    assert.equal(r.verdict, 'proceed_with_precautions');
    assert.ok(r.mustChange.every((m) => /vitamin C serum/i.test(m)), r.mustChange.join('|'));
    assert.ok(r.mustChange.some((m) => m.startsWith('Change before the session') && /vitamin c serum/i.test(m)), r.mustChange.join('|'));
  });

  it('a past granuloma and a non-sterile serum again is blocked, also in a clinic', () => {
    const r = run({ person: { ...healthyAdult, conditions: [{ id: 'granuloma_history', status: 'history' }] }, plan: { ...clinicCheekPlan, products: [{ id: 'vitamin_c_serum', sterile: 'no' }] } });
    assert.equal(r.verdict, 'do_not_treat');
    assert.ok(fired(r).includes('scr_granuloma_history_with_non_sterile_product'));
  });

  it('a clean clinic plan with the eye area proceeds: eye protection is info', () => {
    const r = run({ person: healthyAdult, plan: { ...clinicCheekPlan, zones: [{ zone: 'cheek_medial_buccal', depthMm: 1.0 }, { zone: 'periorbital_lower_lid', depthMm: 0.25 }] } });
    assert.equal(r.verdict, 'proceed');
    const eye = r.findings.find((f) => f.ruleId === 'scr_periorbital_zone');
    assert.equal(eye?.effect, 'info');
    assert.equal(eye?.severity, 'proceed');
  });

  it('"something else" is kept, shown and asked about, never read as none; a wish to stop a medicine gets an explicit answer', () => {
    const r = run({ person: { ...healthyAdult, otherConditions: ['Hashimoto thyroiditis'], medications: [{ name: 'Zzqx herbal tea', lastDose: 'still_taking' }] }, plan: clinicCheekPlan });
    // An unnamed medicine could be a blood thinner or an immune medicine: those questions stay open (defer).
    assert.equal(r.verdict, 'defer');
    assert.ok(r.questions.some((q) => /immune system/.test(q.question)), JSON.stringify(r.questions));
    const named = run({ person: { ...healthyAdult, otherConditions: ['Hashimoto thyroiditis'], medications: [{ name: 'Zyrtec', lastDose: 'still_taking' }] }, plan: clinicCheekPlan });
    assert.equal(named.verdict, 'proceed_with_precautions');
    assert.deepEqual(named.unchecked, { conditions: ['Hashimoto thyroiditis'], medicines: [] });
    assert.deepEqual(r.unchecked, { conditions: ['Hashimoto thyroiditis'], medicines: ['Zzqx herbal tea'] });
    const f = r.findings.find((x) => x.ruleId === 'scr_unlisted_condition_or_medicine');
    assert.match(f?.forPerson ?? '', /"Hashimoto thyroiditis" and "Zzqx herbal tea"/);
    const stop = run({ person: { ...healthyAdult, medications: [{ id: 'anticoagulant', lastDose: 'still_taking', planToStop: 'yes' }] }, plan: clinicCheekPlan });
    assert.ok(fired(stop).includes('scr_plan_to_stop_prescribed_medicine'));
    assert.match(stop.findings.find((x) => x.ruleId === 'scr_plan_to_stop_prescribed_medicine')?.forPerson ?? '', /do not stop or pause your anticoagulant/i);
  });

  it('a medicine entry needs exactly one of id and name; a depth may be unknown and is then asked', () => {
    assert.equal(schema.safeParse({ person: { ...healthyAdult, medications: [{ lastDose: 'still_taking' }] }, plan: clinicCheekPlan }).success, false);
    assert.equal(schema.safeParse({ person: { ...healthyAdult, medications: [{ id: 'nsaid', name: 'ibuprofen', lastDose: 'still_taking' }] }, plan: clinicCheekPlan }).success, false);
    const r = run({ person: healthyAdult, plan: { ...homeRollerPlan, needles: 'own_device_single_user', zones: [{ zone: 'cheek_medial_buccal', depthMm: 'unknown' }] } });
    assert.equal(r.verdict, 'defer');
    assert.ok(r.questions.length > 0);
  });

  it('an all-unknown screening asks only what could change the verdict, most decisive first, with a count', () => {
    const r = run({
      person: { age: 'unknown', pregnant: 'unknown', breastfeeding: 'unknown', fitzpatrick: 'unknown', conditions: 'unknown', medications: 'unknown', procedures: 'unknown', allergies: 'unknown', implants: 'unknown' },
      plan: clinicCheekPlan,
    });
    assert.equal(r.verdict, 'defer');
    assert.equal(r.questionsRemaining, r.questions.length);
    assert.ok(r.questions.length > 0);
    const ranks = r.questions.map((q) => verdictRank(q.couldLeadTo));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    assert.ok(r.questions.every((q) => verdictRank(q.couldLeadTo) > verdictRank('proceed_with_precautions')));
    assert.ok(r.questions.every((q) => q.why.length > 0));
  });

  it('"not now, not sure before" reads as a past history: a forehead-only plan proceeds; a lip plan needs antiviral cover', () => {
    const person = { ...healthyAdult, conditions: [{ id: 'hsv_labialis', status: 'not_now_unsure_before', inField: 'no' }] };
    assert.equal(run({ person, plan: { ...clinicCheekPlan, zones: [{ zone: 'forehead', depthMm: 0.5 }] } }).verdict, 'proceed');
    const lip = run({ person, plan: { ...clinicCheekPlan, zones: [{ zone: 'perioral_upper_lip', depthMm: 0.5 }] } });
    assert.equal(lip.verdict, 'proceed_with_precautions');
    assert.ok(fired(lip).includes('scr_hsv_history'));
  });

  it('a numbing cream listed as a product is judged by the numbing rules, not as a serum left in open channels', () => {
    const r = run({ person: healthyAdult, plan: { ...clinicCheekPlan, products: [{ id: 'numbing_cream_amide', sterile: 'no' }], numbingCream: { used: 'yes', occludedOrLargeArea: 'yes' } } });
    assert.ok(!fired(r).includes('scr_product_not_sterile_or_not_intended'), fired(r).join());
    assert.ok(fired(r).includes('scr_numbing_occluded_or_large_area'));
    assert.match(r.mustChange.join('|'), /seizures/);
  });

  it('second review round: waits that also need a clearance give no date; a retinoid paused 2 days ago gives its date', () => {
    const rt = run({ person: { ...healthyAdult, procedures: [{ id: 'radiotherapy', date: '2026-04-01', inField: 'yes' }] }, plan: clinicCheekPlan });
    assert.equal(rt.verdict, 'defer');
    assert.equal(rt.earliestDate, null);
    assert.ok(rt.clearances.some((c) => c.ruleId === 'scr_radiotherapy_to_site_clearance'));
    const surgeryRf = run({ person: { ...healthyAdult, procedures: [{ id: 'facial_surgery', date: '2026-08-01', inField: 'yes' }] }, plan: { ...clinicCheekPlan, device: 'rf_mn_insulated', rfInsulated: 'yes' } });
    assert.equal(surgeryRf.earliestDate, null);
    assert.ok(surgeryRf.clearances.some((c) => /surgeon/.test(c.clearance.who)));
    const retinoid = run({ person: { ...healthyAdult, medications: [{ id: 'topical_retinoid', lastDose: '2026-11-29' }, { id: 'topical_exfoliant_aha_bha', lastDose: '2026-11-20' }] }, plan: clinicCheekPlan });
    assert.equal(retinoid.verdict, 'defer');
    assert.equal(retinoid.earliestDate, '2026-12-04');
    const stop = run({ person: { ...healthyAdult, medications: [{ name: 'Plavix', lastDose: 'still_taking', planToStop: 'yes' }] }, plan: clinicCheekPlan });
    assert.match(stop.findings.find((f) => f.ruleId === 'scr_plan_to_stop_prescribed_medicine')?.forPerson ?? '', /do not stop or pause Plavix/);
  });

  it('a disagreement about particular products is shown only when the plan uses one of them', () => {
    const ha = run({ person: healthyAdult, plan: { ...clinicCheekPlan, products: [{ id: 'hyaluronic_acid_cosmetic', sterile: 'no' }] } });
    assert.ok(fired(ha).includes('scr_product_not_sterile_or_not_intended'));
    assert.equal(ha.conflicts['cf_growth_factors_peptides'], undefined);
    assert.ok(ha.findings.every((f) => !f.conflicts.includes('cf_growth_factors_peptides')));
    const gf = run({ person: healthyAdult, plan: { ...clinicCheekPlan, products: [{ id: 'growth_factor_serum', sterile: 'no' }] } });
    assert.ok(gf.conflicts['cf_growth_factors_peptides']);
  });
});

