import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TREATED_AT, allRedFlagsNo, atHours, clinicPenTreatment, rfTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { aftercareInputSchema } from '../../service/after-treatment.service.js';
import { triage } from '../triage/engine.js';
import { triageInputSchema } from '../triage/input.js';
import { checkInSamples, safetyNetHorizonHours } from '../triage/safety-net.js';
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
    // REFERENCE §4.1 rev 2, depth-aware: after 1.0 mm redness is normal to the end of day 3.
    assert.equal(redness(3), true);
    assert.equal(redness(4), false);
    const deep = plan({ treatment: { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.0 }] } });
    assert.equal(deep.days[7]?.normal.some((n) => n.effectId === 'erythema_expected'), true);
    assert.equal(deep.days[8]?.normal.some((n) => n.effectId === 'erythema_expected'), false);
    const roller = plan({ treatment: { ...clinicPenTreatment, setting: 'home', device: 'roller', zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.25 }] } });
    assert.equal(roller.days[2]?.normal.some((n) => n.effectId === 'erythema_expected'), true);
    assert.equal(roller.days[3]?.normal.some((n) => n.effectId === 'erythema_expected'), false);
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

  it('never calls normal what a check-in that day escalates (every expected effect, every day of the plan)', () => {
    const tri = triageInputSchema(kb);
    const horizon = safetyNetHorizonHours(kb);
    const samples = checkInSamples(kb, horizon);
    // The plan's windows are those of the deepest treated zone, so the check-in says the sign is there (a sign whose
    // place is not given takes the shallowest zone's window: an unknown place never lengthens "normal").
    const deepest = (treatment: { zones: readonly { zone: string; depthMm: number }[] }) =>
      [...treatment.zones].sort((a, b) => b.depthMm - a.depthMm)[0]?.zone ?? '';
    const levelOf = (treatment: { zones: readonly { zone: string; depthMm: number }[] }, symptomId: string, hours: number) =>
      triage(kb, tri.parse({
        treatment, checkIn: { at: atHours(hours) }, redFlags: allRedFlagsNo(),
        symptoms: [{ id: symptomId, severity: 'mild', trend: 'improving', beyondTreatedArea: false, startedAt: TREATED_AT, zones: [deepest(treatment)] }],
      }), { now: NOW }).level;
    // The symptoms in which an effect normally shows: those a check-in leaves at self-care at some time.
    // Escalation signs also listed on an effect (bleeding that will not stop, sunburn) never are.
    const presentation = new Map<string, string[]>();
    const checked = new Set<string>();
    const treatments = [
      { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.5 }], numbingCream: false },
      { ...clinicPenTreatment, zones: [{ zone: 'periorbital_lower_lid', depthMm: 0.5 }, { zone: 'cheek_medial_buccal', depthMm: 1.5 }], numbingCream: true },
      { ...rfTreatment, rfEnergy: 'standard', numbingCream: false },
    ];
    for (const treatment of treatments) {
      const p = plan({ treatment, person: { fitzpatrick: 3 } });
      for (const day of p.days) {
        for (const n of day.normal) {
          const effect = kb.effects.find((e) => e.id === n.effectId);
          assert.ok(effect);
          if (!presentation.has(effect.id)) {
            const symptoms = effect.symptoms.filter((s) => !kb.symptoms.find((x) => x.id === s)?.redFlag);
            presentation.set(effect.id, symptoms.filter((s) => samples.some((x) => levelOf(treatment, s, x.at) === 'self_care')));
          }
          const inDay = samples.filter((x) => x.at >= day.day * 24 && x.at < day.day * 24 + 24).map((x) => x.at);
          for (const s of presentation.get(effect.id) ?? []) {
            for (const h of [day.day * 24, ...inDay, day.day * 24 + 23.99]) {
              const level = levelOf(treatment, s, h);
              checked.add(effect.id);
              assert.equal(level, 'self_care', `${effect.id}: '${s}' is "normal" on day ${day.day} but a check-in at ${h} h gives ${level}`);
            }
          }
        }
      }
    }
    // Effects with no symptom of their own to report at a check-in are the only ones left unchecked.
    const unchecked = [...presentation.keys()].filter((id) => !checked.has(id)).sort();
    assert.deepEqual(unchecked, ['photosensitivity_expected']);
  });

  it('tender neck glands and day-4 swelling are not called normal (REFERENCE §7.2 asks for the practitioner)', () => {
    const p = plan({ treatment: { ...clinicPenTreatment, zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.5 }] } });
    const normalOn = (d: number, id: string) => p.days[d]?.normal.some((n) => n.effectId === id);
    assert.equal(normalOn(3, 'oedema_expected'), true);
    assert.equal(normalOn(4, 'oedema_expected'), false);
    for (let d = 0; d < p.days.length; d += 1) assert.equal(normalOn(d, 'lymph_node_tenderness_transient'), false, `day ${d}`);
    assert.ok(p.safetyNet.some((i) => i.level === 'contact_practitioner' && i.signs.some((s) => s.symptomId === 'tender_neck_nodes')));
  });
});

