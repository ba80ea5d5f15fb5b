import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileEdited } from '../../../test/support/kb-fixture.js';
import { shippedKnowledge } from '../../../test/support/fixtures.js';
import type { Knowledge } from '../knowledge/compile.js';
import { MEDICATION_TEXT_MAX, resolveMedication, type MedicationResolution } from './medication-names.js';

const kb = shippedKnowledge();
const resolve = (text: string) => resolveMedication(kb, text);
const idOf = (r: MedicationResolution) => (r.ok ? r.id : `not found: ${r.suggestions.join(', ')}`);

describe('resolveMedication', () => {
  it('maps generic and brand names to their medication', () => {
    const cases: [string, string][] = [
      ['Eliquis', 'anticoagulant'], ['warfarin', 'anticoagulant'], ['Clexane', 'anticoagulant'], ['Plavix', 'antiplatelet'],
      ['aspirin', 'antiplatelet'], ['Roaccutane', 'isotretinoin'], ['Absorica', 'isotretinoin'], ['adapalene', 'topical_retinoid'],
      ['Humira', 'immunosuppressant'], ['rituximab', 'immunosuppressant'], ['doxycycline', 'photosensitising_drug'],
      ['Valtrex', 'antiviral_prophylaxis'], ['ibuprofen', 'nsaid'], ['fish oil', 'blood_thinning_supplement'],
      ['prednisolone', 'systemic_corticosteroid'], ['capecitabine', 'chemotherapy'], ['Dermovate', 'topical_corticosteroid'],
      ['Acnecide', 'benzoyl_peroxide'],
    ];
    for (const [text, id] of cases) assert.equal(idOf(resolve(text)), id, text);
    assert.deepEqual(resolve('Xarelto'), { ok: true, id: 'anticoagulant', matched: 'name', name: 'Xarelto', note: 'rivaroxaban' });
  });

  it('ignores case, accents, spacing, hyphens and punctuation, with UK and US spellings', () => {
    for (const text of ['  eLiQuIs ', 'ELIQUIS', 'Eliquis®']) assert.equal(idOf(resolve(text)), 'anticoagulant', text);
    for (const text of ['co-trimoxazole', 'co trimoxazole', 'cotrimoxazole']) assert.equal(idOf(resolve(text)), 'photosensitising_drug', text);
    for (const text of ['Solu-Medrol', 'solu medrol', 'SoluMedrol']) assert.equal(idOf(resolve(text)), 'systemic_corticosteroid', text);
    for (const text of ['Curacné', 'curacne']) assert.equal(idOf(resolve(text)), 'isotretinoin', text);
    for (const text of ['ciclosporin', 'cyclosporine', 'aciclovir', 'acyclovir']) assert.ok(resolve(text).ok, text);
    assert.equal(idOf(resolve('St. John’s Wort')), 'photosensitising_drug');
  });

  it('drops doses, how often and the form when the name does not depend on the form', () => {
    assert.equal(idOf(resolve('Eliquis 5 mg tablets twice a day')), 'anticoagulant');
    assert.equal(idOf(resolve('aspirin 75mg once daily')), 'antiplatelet');
    assert.equal(idOf(resolve('Vitamin E 400 IU softgels')), 'blood_thinning_supplement');
    assert.equal(idOf(resolve('Retin-A 0.05% cream')), 'topical_retinoid');
    assert.equal(idOf(resolve('omega 3')), 'blood_thinning_supplement');
    assert.equal(idOf(resolve('hydrocortisone 1% cream')), 'topical_corticosteroid');
    assert.equal(idOf(resolve('hydrocortisone 10 mg tablets')), 'systemic_corticosteroid');
  });

  it('accepts a medication id or label', () => {
    assert.deepEqual(resolve('topical_retinoid'), { ok: true, id: 'topical_retinoid', matched: 'id', name: kb.medications.find((m) => m.id === 'topical_retinoid')?.label });
    const label = kb.medications.find((m) => m.id === 'anticoagulant')?.label ?? '';
    assert.deepEqual(resolve(label), { ok: true, id: 'anticoagulant', matched: 'label', name: label });
  });

  it('tells topical tacrolimus from oral tacrolimus', () => {
    assert.equal(idOf(resolve('tacrolimus')), 'immunosuppressant');
    assert.equal(idOf(resolve('Tacrolimus 1mg capsules')), 'immunosuppressant');
    assert.equal(idOf(resolve('Prograf')), 'immunosuppressant');
    for (const text of ['tacrolimus ointment', 'Tacrolimus ointment 0.1%', 'Protopic', 'protopic ointment']) {
      const r = resolve(text);
      assert.ok(r.ok && r.id === null && r.note, `${text}: ${JSON.stringify(r)}`);
    }
    // A topical form that is not listed never falls back to the oral medicine.
    const cream = resolve('tacrolimus cream');
    assert.equal(cream.ok, false);
    assert.ok(!cream.ok && cream.suggestions.includes('tacrolimus ointment'), JSON.stringify(cream));
    assert.equal(resolve('isotretinoin cream').ok, false);
    assert.equal(idOf(resolve('isotretinoin 20 mg capsules')), 'isotretinoin');
    assert.equal(resolve('vitamin E cream').ok, false);
  });

  it('gives close names for an unknown or ambiguous name', () => {
    assert.deepEqual(resolve('eliquiss'), { ok: false, reason: 'unknown', suggestions: ['Eliquis'] });
    assert.ok(!resolve('warfrin').ok);
    assert.deepEqual((resolve('warfrin') as { suggestions: string[] }).suggestions[0], 'warfarin');
    assert.deepEqual((resolve('Roacutane') as { suggestions: string[] }).suggestions[0], 'Roaccutane');
    const hc = resolve('hydrocortisone');
    assert.ok(!hc.ok && hc.suggestions.includes('hydrocortisone cream') && hc.suggestions.includes('hydrocortisone tablets'), JSON.stringify(hc));
    assert.deepEqual(resolve('zzqxv'), { ok: false, reason: 'unknown', suggestions: [] });
    assert.deepEqual(resolve('  - '), { ok: false, reason: 'empty', suggestions: [] });
  });

  it('refuses over-long input before doing any work, and stays fast at the limit', () => {
    const untouchable = {
      get medicationIndex(): never {
        throw new Error('the index must not be read');
      },
    } as unknown as Pick<Knowledge, 'medicationIndex'>;
    assert.deepEqual(resolveMedication(untouchable, 'a'.repeat(MEDICATION_TEXT_MAX + 1)), { ok: false, reason: 'too_long', suggestions: [] });
    const worst = ['x'.repeat(MEDICATION_TEXT_MAX), 'ab '.repeat(33), 'tacrolimu'.repeat(11)];
    const start = performance.now();
    for (let i = 0; i < 300; i += 1) for (const text of worst) resolve(text);
    assert.ok(performance.now() - start < 2000, 'resolving 900 worst-case inputs took over 2 s');
  });

  it('resolves every listed name to its own mapping, and can reach every medication', () => {
    for (const n of kb.medicationNames.names) {
      const r = resolve(n.name);
      assert.ok(r.ok && r.matched === 'name' && r.id === n.medication && r.name === n.name, `${n.name}: ${JSON.stringify(r)}`);
    }
    const reached = new Set(kb.medicationNames.names.map((n) => n.medication));
    for (const m of kb.medications) assert.ok(reached.has(m.id) || resolve(m.id).ok, m.id);
  });
});

describe('medication-names.yaml validation', () => {
  const FILE = 'vocabulary/medication-names.yaml';
  const file = (names: string) => `sources: [{ source: src_b }]\nnames:\n${names}`;
  const issuesFor = (text: string) =>
    compileEdited({ [FILE]: () => text }).issues.filter((i) => i.file === FILE).map((i) => `${i.path}: ${i.message}`);

  it('accepts names that resolve', () => {
    assert.deepEqual(issuesFor(file('  - { name: Roaccutane, medication: isotretinoin, kind: brand, atc: D10BA01 }\n')), []);
  });

  const broken: [string, string, RegExp][] = [
    ['a medication that does not resolve', file('  - { name: Eliquis, medication: anticoagulant, kind: brand }\n'), /Eliquis\.medication: 'anticoagulant' is not a medications id/],
    ['two names that differ only in case, spaces or hyphens', file('  - { name: Roaccutane, medication: isotretinoin, kind: brand }\n  - { name: roac-cutane, medication: isotretinoin, kind: brand }\n'), /roac-cutane\.name: is the same name as 'Roaccutane'/],
    ['a name that reads as another medication\'s id', file('  - { name: ISOTRETINOIN, medication: null, kind: generic, note: x }\n'), /ISOTRETINOIN\.name: reads the same as the id of medication 'isotretinoin'/],
    ['a null mapping without a note', file('  - { name: paracetamol, medication: null, kind: generic }\n'), /paracetamol\.note: .*needs a note/],
    ['a malformed ATC code', file('  - { name: Roaccutane, medication: isotretinoin, kind: brand, atc: D10-BA01 }\n'), /atc/],
    ['a source that does not resolve', 'sources: [{ source: nowhere }]\nnames: []\n', /source 'nowhere' does not resolve/],
  ];
  for (const [name, text, pattern] of broken) {
    it(`reports ${name}`, () => {
      const found = issuesFor(text);
      assert.ok(found.some((m) => pattern.test(m)), `expected ${pattern}, got:\n${found.join('\n') || '(none)'}`);
    });
  }

  it('everyday medicines found in review: metformin brands, the pill, inhalers with a combined strength, blood-pressure tablets', () => {
    for (const t of ['Glucophage 500 mg', 'Yasmin', 'Symbicort 200/6 inhaler', 'Ventolin inhaler', 'Amlodipine 5 mg', 'Zyrtec']) {
      const r = resolve(t);
      assert.ok(r.ok, t);
      assert.equal(r.ok ? r.id : 'x', null, t);
    }
  });
});

