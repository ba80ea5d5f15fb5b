import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest } from './closest.js';

describe('closest ids', () => {
  it('ranks the nearest known id first', () => {
    assert.equal(closest('rednes', ['rapidly_spreading_redness', 'redness', 'swelling'])[0], 'redness');
    assert.equal(closest('eczma', ['eczema', 'rosacea', 'epilepsy'])[0], 'eczema');
    assert.equal(closest('hsv_labial', ['hsv_labialis', 'hsv'])[0], 'hsv_labialis');
    assert.deepEqual(closest('x', ['a', 'b', 'c', 'd'], 2).length, 2);
  });
});
