import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedKnowledge } from '../../../test/support/fixtures.js';
import { zoneLimits } from './zone-limits.js';

const kb = shippedKnowledge();
const limit = (device: string, setting: 'clinic' | 'home', zone: string) => zoneLimits(kb, device, setting).find((z) => z.zone === zone);

describe('zone limits derived from the screening rules', () => {
  it('match the zone ceilings for a clinic pen (REFERENCE 2.1)', () => {
    assert.equal(limit('pen_motorised', 'clinic', 'forehead')?.maxMm, 1.0);
    assert.equal(limit('pen_motorised', 'clinic', 'cheek_medial_buccal')?.maxMm, 2.0);
    assert.equal(limit('pen_motorised', 'clinic', 'lip_vermilion')?.maxMm, 0);
    const specialist = zoneLimits(kb, 'pen_motorised', 'clinic', 'physician').find((z) => z.zone === 'cheek_medial_buccal');
    assert.equal(specialist?.maxMm, 2.5);
  });
  it('home devices are limited to 0.5 mm, with a caution above 0.25 mm (REFERENCE 1.3)', () => {
    const cheek = limit('roller', 'home', 'cheek_medial_buccal');
    assert.equal(cheek?.maxMm, 0.5);
    assert.equal(cheek?.cautionFromMm, 0.3);
  });
  it('RF at home is blocked in every zone', () => {
    assert.ok(zoneLimits(kb, 'rf_mn_insulated', 'home').every((z) => z.maxMm === 0));
  });
});
