import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidKnowledge } from '../../adapters/knowledge/fs-knowledge.js';
import { compileEdited } from '../../../test/support/kb-fixture.js';
import { factInWords as factInWordsOf, type VocabLabel } from './fact-words.js';

const kb = loadValidKnowledge();
const factInWords = (fact: string, value: Parameters<typeof factInWordsOf>[2], l: VocabLabel) => factInWordsOf(kb, fact, value, l);
const label: VocabLabel = (vocab, id) => (kb[vocab] as readonly { id: string; label: string }[]).find((x) => x.id === id)?.label ?? id;

describe('fact words', () => {
  it('the validator wants a label for every fact pattern of the catalogue, and nothing else', () => {
    const issues = (edit: (t: string) => string) => compileEdited({ 'text/fact-labels.yaml': edit }).issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);
    assert.ok(issues((t) => t.replace(/^- \{ fact: person\.age,.*$/m, '')).some((m) => /person\.age: fact 'person\.age' has no label/.test(m)));
    assert.ok(issues((t) => `${t}- { fact: person.shoe_size, label: Shoe size }\n`).some((m) => /person\.shoe_size: 'person\.shoe_size' is not a fact/.test(m)));
    assert.ok(issues((t) => t.replace('label: "Time since {name}"', 'label: "Time since"')).some((m) => /must use \{name\}/.test(m)));
  });

  it('gives every fact that a shipped rule reads a name other than its id', () => {
    const indexes = [kb.screeningPlan, kb.screeningZone, kb.aftercare, kb.triage, kb.scheduling];
    for (const [ruleId, facts] of indexes.flatMap((i) => [...i.readsById])) {
      for (const fact of facts) {
        const w = factInWords(fact, true, label);
        assert.notEqual(w.label, fact, `${ruleId} reads ${fact}`);
        assert.doesNotMatch(w.label, /[{}_]/, `${ruleId} reads ${fact}: "${w.label}"`);
      }
    }
  });

  it('puts vocabulary labels and units into words', () => {
    assert.deepEqual(factInWords('procedure.botulinum_toxin.days_since', 6, label), { label: 'Time since anti-wrinkle injections (botulinum toxin)', value: '6 days' });
    assert.equal(factInWords('condition.rosacea', 'controlled', label).label, label('conditions', 'rosacea'));
    assert.deepEqual(factInWords('zone.depth_mm', 1.5, label), { label: 'Planned depth in this area', value: '1.5 mm' });
    assert.deepEqual(factInWords('person.fitzpatrick', 4, label), { label: 'Skin type (Fitzpatrick)', value: 'IV' });
    assert.equal(factInWords('plan.energy', 'rf', label).value, 'radiofrequency (RF)');
    assert.equal(factInWords('plan.needles', 'single_use_sterile', label).value, 'single use sterile');
    assert.equal(factInWords('plan.device', 'roller', label).value, label('devices', 'roller'));
    assert.equal(factInWords('checkin.hours_since_treatment', 30, label).value, '30 hours');
    assert.equal(factInWords('checkin.hours_since_treatment', 75, label).value, '3 days');
    assert.equal(factInWords('person.temperature_c', 38.5, label).value, '38.5 °C');
  });

  it('says "not known" for unknown and absent answers, and falls back to the name of an unknown fact', () => {
    assert.equal(factInWords('person.pregnant', 'unknown', label).value, 'not known');
    assert.equal(factInWords('person.pregnant', null, label).value, 'not known');
    assert.equal(factInWords('person.pregnant', false, label).value, 'no');
    assert.deepEqual(factInWords('no.such.fact', 3, label), { label: 'No.such.fact', value: '3' });
  });
});
