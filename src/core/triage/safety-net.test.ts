import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { arbAftercare, arbCheckIn, distinctSample } from '../../../test/support/arbitraries.js';
import { referenceSafetyNet } from '../../../test/support/safety-net-reference.js';
import { aftercarePlan } from '../aftercare/engine.js';
import { allRedFlagsNo, atHours, clinicPenTreatment, rfTreatment, TREATED_AT } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { treatmentFacts } from '../treatment/facts.js';
import { treatedPersonSchema, treatmentSchema } from '../treatment/input.js';
import { checkInFacts, triage } from './engine.js';
import { triageInputSchema } from './input.js';
import { safetyNet, safetyNetHorizonHours, type SafetyNetItem } from './safety-net.js';

const kb = shippedKnowledge();
const schema = triageInputSchema(kb);
const netFor = (treatment: object, person: object = {}) =>
  safetyNet(kb, treatmentFacts(kb, treatmentSchema(kb).parse(treatment), treatedPersonSchema(kb).parse(person)));
const levelOf = (net: readonly SafetyNetItem[], symptomId: string) => net.filter((i) => i.signs.some((s) => s.symptomId === symptomId)).map((i) => i.level);

/** The level a real check-in gives when it reports this sign alone (a red flag "yes"; any other sign mild and improving). */
function checkInLevel(treatment: object, person: object, symptomId: string, hours: number) {
  const redFlag = kb.symptoms.find((s) => s.id === symptomId)?.redFlag === true;
  const input = schema.parse({
    treatment,
    person,
    checkIn: { at: atHours(hours) },
    redFlags: redFlag ? { ...allRedFlagsNo(), [symptomId]: 'yes' } : allRedFlagsNo(),
    symptoms: redFlag ? [] : [{ id: symptomId, severity: 'mild', trend: 'improving', beyondTreatedArea: false, startedAt: TREATED_AT }],
  });
  return triage(kb, input, { now: NOW }).level;
}

describe('safety net', () => {
  it('says what a check-in with that sign says, on every day it names (same engine, same facts)', () => {
    const horizon = safetyNetHorizonHours(kb);
    const cases: [object, object][] = [
      [{ ...clinicPenTreatment, numbingCream: true }, { fitzpatrick: 2 }],
      [{ ...rfTreatment, numbingCream: false, rfEnergy: 'standard' }, { fitzpatrick: 5, conditions: [{ id: 'pih_melasma', status: 'history' }] }],
      [{ ...clinicPenTreatment, numbingCream: false, zones: [{ zone: 'periorbital_lower_lid', depthMm: 0.5 }] }, { fitzpatrick: 3 }],
    ];
    for (const [treatment, person] of cases) {
      for (const item of netFor(treatment, person)) {
        for (const sign of item.signs) {
          const from = sign.fromHours ?? 0;
          const to = sign.untilHours === undefined || sign.untilHours === null ? horizon : sign.untilHours;
          for (const h of new Set([from + 0.01, (from + to) / 2, to - 0.01])) {
            assert.equal(checkInLevel(treatment, person, sign.symptomId, h), item.level, `${sign.label} at ${h} h: plan says ${item.level}`);
          }
        }
      }
    }
  });

  it('bleeding that will not stop and RF blisters get the level a check-in gives, not an invented "severe" one', () => {
    const pen = netFor({ ...clinicPenTreatment, numbingCream: false });
    // REFERENCE §7.1 rev 2: bleeding that will not stop after 10-15 min of pressure is L3 (emergency department) at any time.
    assert.deepEqual(levelOf(pen, 'bleeding_not_stopping'), ['emergency_department']);
    assert.equal(checkInLevel({ ...clinicPenTreatment, numbingCream: false }, {}, 'bleeding_not_stopping', 1), 'emergency_department');
    const rf = netFor({ ...rfTreatment, numbingCream: false, rfEnergy: 'standard' });
    assert.deepEqual(levelOf(rf, 'rf_blisters'), ['see_doctor_today']);
  });

  it('states the days when the level depends on the day', () => {
    const pen = netFor({ ...clinicPenTreatment, numbingCream: false });
    const pain = pen.flatMap((i) => i.signs.filter((s) => s.symptomId === 'severe_or_worsening_pain').map((s) => [i.level, s.label]));
    assert.deepEqual(pain, [
      ['see_doctor_today', 'Severe or worsening pain (from day 1)'],
      ['contact_practitioner', 'Severe or worsening pain (on day 0)'],
    ]);
  });

  it('leaves out signs that cannot follow this treatment (RF burns after a mechanical pen)', () => {
    const ids = new Set(netFor({ ...clinicPenTreatment, numbingCream: false }).flatMap((i) => i.signs.map((s) => s.symptomId)));
    for (const rfOnly of ['rf_blisters', 'rf_burn_large_deep_blistering', 'grey_white_dark_patches', 'hollowing_contour_dent']) assert.ok(!ids.has(rfOnly), rfOnly);
    const rf = new Set(netFor({ ...rfTreatment, rfEnergy: 'standard' }).flatMap((i) => i.signs.map((s) => s.symptomId)));
    for (const rfOnly of ['rf_blisters', 'rf_burn_large_deep_blistering', 'grey_white_dark_patches']) assert.ok(rf.has(rfOnly), rfOnly);
  });

  it('numbing cream not recorded: the overdose signs are an emergency in the first hours, as with cream', () => {
    const unknown = netFor(clinicPenTreatment);
    const withCream = netFor({ ...clinicPenTreatment, numbingCream: true });
    const withoutCream = netFor({ ...clinicPenTreatment, numbingCream: false });
    // REFERENCE §7.1 rev 2: early toxicity symptoms within 12 h of numbing cream -> emergency department.
    assert.equal(levelOf(unknown, 'anaesthetic_toxicity_early')[0], 'emergency_department');
    assert.deepEqual(levelOf(unknown, 'anaesthetic_toxicity_early'), levelOf(withCream, 'anaesthetic_toxicity_early'));
    assert.deepEqual(levelOf(withoutCream, 'anaesthetic_toxicity_early'), ['contact_practitioner']);
  });

  it('lists dark patches for skin prone to them, never as normal', () => {
    const net = netFor({ ...clinicPenTreatment, numbingCream: false }, { fitzpatrick: 5, conditions: [{ id: 'pih_melasma', status: 'history' }] });
    assert.deepEqual(levelOf(net, 'darker_patches'), ['contact_practitioner']);
  });

  it('ignores check-in facts it is given (a check-in and its plan share one safety net)', () => {
    const t = treatmentSchema(kb).parse({ ...clinicPenTreatment, numbingCream: false });
    const facts = treatmentFacts(kb, t, treatedPersonSchema(kb).parse({}));
    const withCheckIn = new Map(facts).set('checkin.hours_since_treatment', 30).set('symptom.fever', true);
    assert.deepEqual(safetyNet(kb, withCheckIn), safetyNet(kb, facts));
  });

  // The fast path evaluates only what depends on the treatment and memoises by it; the reference runs every sign
  // through every rule at every sample time. Byte-identical answers on distinct generated inputs.
  it('property: gives exactly the answer of the full run, for distinct check-ins and aftercare plans', () => {
    const checkIns = distinctSample(arbCheckIn(kb), 60, 11).map((b) => schema.parse(b));
    for (const input of checkIns) {
      const expected = JSON.stringify(referenceSafetyNet(kb, checkInFacts(kb, input)));
      assert.equal(JSON.stringify(triage(kb, input, { now: NOW }).safetyNet), expected);
    }
    fc.assert(
      fc.property(arbAftercare(kb), ({ treatment, person }) => {
        const t = treatmentSchema(kb).parse(treatment);
        const p = treatedPersonSchema(kb).parse(person);
        const expected = JSON.stringify(referenceSafetyNet(kb, treatmentFacts(kb, t, p)));
        assert.equal(JSON.stringify(aftercarePlan(kb, t, p, { now: NOW }).safetyNet), expected);
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});
