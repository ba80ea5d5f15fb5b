import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TREATED_AT, clinicPenTreatment, rfTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { aftercareInputSchema } from '../../service/after-treatment.service.js';
import { aftercarePlan } from './engine.js';

const kb = shippedKnowledge();
const plan = (raw: unknown) => {
  const i = aftercareInputSchema(kb).parse(raw);
  return aftercarePlan(kb, i.treatment, i.person, { now: NOW });
};
const hoursOf = (iso: string | null | undefined) => (iso ? (Date.parse(iso) - Date.parse(TREATED_AT)) / 3_600_000 : null);
const rule = (p: ReturnType<typeof plan>, id: string) => p.instructions.find((i) => i.ruleId === id);

describe('aftercare plan', () => {
  it('gives exact windows from the knowledge, with a hard minimum where sources conflict', () => {
    const p = plan({ treatment: clinicPenTreatment });
    assert.equal(hoursOf(rule(p, 'ac_no_makeup')?.until), 48);
    assert.equal(hoursOf(rule(p, 'ac_no_makeup')?.minimumUntil), 24);
    assert.equal(hoursOf(rule(p, 'ac_no_actives')?.until), 120);
    assert.ok(rule(p, 'ac_no_makeup')?.conflicts.includes('cf_makeup_timing'));
    assert.ok(p.conflicts.cf_makeup_timing?.resolution);
    assert.equal(p.stamp.evaluatedAt, NOW);
  });

  it('RF and deeper treatments lengthen the windows and say why', () => {
    const p = plan({ treatment: rfTreatment });
    const actives = rule(p, 'ac_no_actives');
    assert.equal(hoursOf(actives?.until), 168);
    assert.ok((actives?.personalised.length ?? 0) > 0);
    assert.equal(hoursOf(rule(p, 'ac_no_exercise_sweat')?.until), 72);
    assert.ok(p.expected.some((e) => e.effectId === 'rf_grid_marks_crusting_expected'));
    assert.ok(!plan({ treatment: clinicPenTreatment }).expected.some((e) => e.effectId === 'rf_grid_marks_crusting_expected'));
  });

  it('darker skin or PIH history adds high-protection sunscreen; an unknown skin type does too', () => {
    assert.ok(rule(plan({ treatment: clinicPenTreatment, person: { fitzpatrick: 5 } }), 'ac_spf_high_protection'));
    assert.ok(rule(plan({ treatment: clinicPenTreatment, person: { fitzpatrick: 2, conditions: [{ id: 'pih_melasma', status: 'history' }] } }), 'ac_spf_high_protection'));
    assert.ok(!rule(plan({ treatment: clinicPenTreatment, person: { fitzpatrick: 2 } }), 'ac_spf_high_protection'));
    assert.ok(rule(plan({ treatment: clinicPenTreatment }), 'ac_spf_high_protection'));
  });

  it('lays out each day from the treatment to full healing with check-ins', () => {
    const p = plan({ treatment: clinicPenTreatment, person: { fitzpatrick: 2 } });
    assert.equal(p.days[0]?.date, '2026-11-21');
    assert.equal(p.days.at(-1)?.day, 28);
    assert.deepEqual(p.checkIns.map((c) => c.day), [1, 3, 7, 14, 28]);
    assert.equal(p.days[3]?.checkIn?.id, 'ci_day3');
    assert.ok(p.days[1]?.avoid.includes('ac_no_makeup'));
    assert.ok(!p.days[2]?.avoid.includes('ac_no_makeup'));
    assert.ok(p.days[2]?.ends.includes('ac_no_makeup'));
    const redness = (d: number) => p.days[d]?.normal.some((n) => n.effectId === 'erythema_expected');
    assert.equal(redness(6), true);
    assert.equal(redness(7), false);
  });

  it('dates the next session from the scheduling rules, and withholds it after an unresolved complication', () => {
    assert.equal(plan({ treatment: clinicPenTreatment }).nextSession.earliestDate, '2026-12-19');
    const blocked = plan({ treatment: { ...clinicPenTreatment, complications: ['granulomatous_reaction'], complicationUnresolved: true } });
    assert.equal(blocked.nextSession.earliestDate, null);
    assert.ok(blocked.nextSession.advice.some((a) => a.ruleId === 'sch_after_granuloma_or_hypersensitivity'));
  });

  it('carries a safety net derived from the triage rules', () => {
    const p = plan({ treatment: clinicPenTreatment });
    const top = p.safetyNet[0];
    assert.equal(top?.level, 'call_emergency_number');
    assert.ok(top?.signs.some((s) => s.symptomId === 'breathing_difficulty'));
    assert.ok(p.safetyNet.some((s) => s.level === 'see_doctor_today' && s.signs.some((x) => x.symptomId === 'fever')));
  });
});
