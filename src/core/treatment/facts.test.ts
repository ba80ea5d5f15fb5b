import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { shippedKnowledge } from '../../../test/support/fixtures.js';
import { UNKNOWN } from '../knowledge/evaluate.js';
import { treatmentFacts } from './facts.js';
import { treatedPersonSchema, treatmentSchema } from './input.js';

const kb = shippedKnowledge();
const numbing = (extra: object) =>
  treatmentFacts(kb, treatmentSchema(kb).parse({ ...clinicPenTreatment, ...extra }), treatedPersonSchema(kb).parse({})).get('treatment.numbing_cream');

describe('treatment facts', () => {
  it('numbing cream left out is unknown, never "no"', () => {
    assert.equal(numbing({}), UNKNOWN);
    assert.equal(numbing({ numbingCream: 'unknown' }), UNKNOWN);
    assert.equal(numbing({ numbingCream: false }), false);
    assert.equal(numbing({ numbingCream: true }), true);
  });

  it('an anaesthetic product listed counts as numbing cream whatever the answer', () => {
    assert.equal(numbing({ numbingCream: false, products: ['numbing_cream_amide'] }), true);
    assert.equal(numbing({ products: ['numbing_cream_ester'] }), true);
  });

  it('rejects anything but true, false or "unknown"', () => {
    assert.equal(treatmentSchema(kb).safeParse({ ...clinicPenTreatment, numbingCream: 'no' }).success, false);
  });
});
