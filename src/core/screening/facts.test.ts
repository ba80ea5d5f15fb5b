import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clinicCheekPlan, healthyAdult, shippedKnowledge } from '../../../test/support/fixtures.js';
import { UNKNOWN } from '../knowledge/evaluate.js';
import { screen } from './engine.js';
import { screeningFacts } from './facts.js';
import { screeningInputSchema } from './input.js';

const kb = shippedKnowledge();
const schema = screeningInputSchema(kb);
const rfPlan = { ...clinicCheekPlan, device: 'rf_mn_insulated', indication: 'rf_laxity_scars_acne' };
const facts = (person: object, plan: object = clinicCheekPlan) => screeningFacts(kb, schema.parse({ person: { ...healthyAdult, ...person }, plan })).facts;
const verdictOf = (person: object, plan: object = clinicCheekPlan) =>
  screen(kb, schema.parse({ person: { ...healthyAdult, ...person }, plan }), { now: '2026-11-21T10:00:00.000Z' });
const fired = (r: ReturnType<typeof verdictOf>) => r.findings.filter((f) => f.status === 'applies').map((f) => f.ruleId);

describe('screening facts: a condition or implant listed twice merges towards the more serious answer', () => {
  it('active infection in the area, then a history entry for it: still active and deferred', () => {
    const person = { conditions: [{ id: 'active_infection', status: 'active', inField: 'yes' }, { id: 'active_infection', status: 'history' }] };
    assert.equal(facts(person).get('condition.active_infection'), 'active');
    assert.equal(facts(person).get('condition.active_infection.in_field'), true);
    assert.equal(verdictOf(person).verdict, 'defer');
  });

  it('status order: active > unknown > controlled > history, whatever the order of the entries', () => {
    const merged = (...statuses: string[]) => facts({ conditions: statuses.map((status) => ({ id: 'eczema', status })) }).get('condition.eczema');
    assert.equal(merged('history', 'active'), 'active');
    assert.equal(merged('active', 'unknown'), 'active');
    assert.equal(merged('history', 'unknown'), UNKNOWN);
    assert.equal(merged('unknown', 'controlled'), UNKNOWN);
    assert.equal(merged('controlled', 'history'), 'controlled');
    assert.equal(merged('history', 'controlled'), 'controlled');
  });

  it('an active cold sore is not lost behind a later history entry', () => {
    const person = { conditions: [{ id: 'hsv_labialis', status: 'active', inField: 'yes' }, { id: 'hsv_labialis', status: 'history', inField: 'yes' }] };
    assert.ok(fired(verdictOf(person)).includes('scr_hsv_active_lesion'));
  });

  it('site order: yes > unknown (or not given) > no', () => {
    const site = (...inField: (string | undefined)[]) =>
      facts({ conditions: inField.map((x) => ({ id: 'psoriasis', status: 'active', ...(x ? { inField: x } : {}) })) }).get('condition.psoriasis.in_field');
    assert.equal(site('no', 'yes'), true);
    assert.equal(site('no', 'unknown'), UNKNOWN);
    assert.equal(site('no', undefined), UNKNOWN);
    assert.equal(site('no', 'no'), false);
  });

  it('a metal implant in the area, then one elsewhere, still blocks RF', () => {
    const person = { implants: [{ id: 'metal_implant_or_gold_threads', inField: 'yes' }, { id: 'metal_implant_or_gold_threads', inField: 'no' }] };
    const r = verdictOf(person, rfPlan);
    assert.equal(r.verdict, 'do_not_treat');
    assert.ok(fired(r).includes('scr_metal_implant_or_gold_threads_in_field_rf'));
  });
});

describe('screening facts: medicines taken in more than one course', () => {
  const iso = (...lastDoses: string[]) => facts({ medications: lastDoses.map((lastDose) => ({ id: 'isotretinoin', lastDose })) });

  it('a dated course and a course with an unknown last dose: unknown (it may be the more recent), in either order', () => {
    for (const f of [iso('2026-01-01', 'unknown'), iso('unknown', '2026-01-01')]) {
      assert.equal(f.get('medication.isotretinoin'), UNKNOWN);
      assert.equal(f.get('medication.isotretinoin.days_since_last_dose'), UNKNOWN);
    }
    const r = verdictOf({ medications: [{ id: 'isotretinoin', lastDose: '2026-01-01' }, { id: 'isotretinoin', lastDose: 'unknown' }] }, rfPlan);
    assert.equal(r.verdict, 'defer');
    assert.ok(r.questions.some((q) => q.ruleId === 'scr_isotretinoin_rf'));
  });

  it('still taking is the most recent of all; two dated courses keep the more recent', () => {
    const current = iso('unknown', 'still_taking', '2026-01-01');
    assert.equal(current.get('medication.isotretinoin'), 'current');
    assert.equal(current.get('medication.isotretinoin.days_since_last_dose'), 0);
    const dated = iso('2026-01-01', '2026-10-01');
    assert.equal(dated.get('medication.isotretinoin'), 'past');
    assert.equal(dated.get('medication.isotretinoin.days_since_last_dose'), 61);
  });
});

describe('screening facts: earlier procedures count by site', () => {
  const tox = (...entries: { date: string; inField?: string }[]) => facts({ procedures: entries.map((e) => ({ id: 'botulinum_toxin', ...e })) });

  it('toxin 3 days ago elsewhere and 18 months ago in the area: the recent one does not defer', () => {
    const f = tox({ date: '2026-11-28', inField: 'no' }, { date: '2025-06-01', inField: 'yes' });
    assert.equal(f.get('procedure.botulinum_toxin.days_since'), 548);
    assert.equal(f.get('procedure.botulinum_toxin.in_field'), true);
    const r = verdictOf({ procedures: [{ id: 'botulinum_toxin', date: '2026-11-28', inField: 'no' }, { id: 'botulinum_toxin', date: '2025-06-01', inField: 'yes' }] });
    assert.equal(r.verdict, 'proceed', JSON.stringify(fired(r)));
  });

  it('recent in the area and older elsewhere still defers, from the in-area date', () => {
    const r = verdictOf({ procedures: [{ id: 'botulinum_toxin', date: '2026-06-01', inField: 'no' }, { id: 'botulinum_toxin', date: '2026-11-25', inField: 'yes' }] });
    assert.equal(r.verdict, 'defer');
    assert.equal(r.earliestDate, '2026-12-09');
  });

  it('every entry elsewhere: in_field false with the most recent date', () => {
    const f = tox({ date: '2026-11-28', inField: 'no' }, { date: '2026-06-01', inField: 'no' });
    assert.equal(f.get('procedure.botulinum_toxin.in_field'), false);
    assert.equal(f.get('procedure.botulinum_toxin.days_since'), 3);
  });

  it('site unknown counts as possibly in the area; an unknown date there makes the days unknown', () => {
    const f = tox({ date: '2026-11-28' }, { date: '2025-06-01', inField: 'yes' });
    assert.equal(f.get('procedure.botulinum_toxin.days_since'), 3);
    assert.equal(f.get('procedure.botulinum_toxin.in_field'), true);
    const g = tox({ date: '2026-11-28', inField: 'unknown' });
    assert.equal(g.get('procedure.botulinum_toxin.in_field'), UNKNOWN);
    const h = tox({ date: 'unknown', inField: 'yes' }, { date: '2025-06-01', inField: 'yes' });
    assert.equal(h.get('procedure.botulinum_toxin.days_since'), UNKNOWN);
    const elsewhereUnknownDate = tox({ date: 'unknown', inField: 'no' }, { date: '2025-06-01', inField: 'yes' });
    assert.equal(elsewhereUnknownDate.get('procedure.botulinum_toxin.days_since'), 548);
  });

  it('radiotherapy elsewhere recently and to the area years ago: clearance, not the one-year wait', () => {
    const r = verdictOf({ procedures: [{ id: 'radiotherapy', date: '2026-10-01', inField: 'no' }, { id: 'radiotherapy', date: '2024-01-01', inField: 'yes' }] });
    assert.ok(fired(r).includes('scr_radiotherapy_to_site_clearance'), JSON.stringify(fired(r)));
    assert.ok(!fired(r).includes('scr_radiotherapy_to_site_recent'));
  });
});
