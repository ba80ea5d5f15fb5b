import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadValidKnowledge } from '../../adapters/knowledge/fs-knowledge.js';
import { FACTS } from '../knowledge/facts.js';
import { FACT_WORDS, factInWords, type VocabLabel } from './fact-words.js';

const kb = loadValidKnowledge();
const label: VocabLabel = (vocab, id) => (kb[vocab] as readonly { id: string; label: string }[]).find((x) => x.id === id)?.label ?? id;

describe('fact words', () => {
  it('names every fact pattern of the catalogue, and nothing else', () => {
    assert.deepEqual(Object.keys(FACT_WORDS).sort(), Object.keys(FACTS).sort());
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
