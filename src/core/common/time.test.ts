import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hoursAfter, isoFromMs } from './time.js';

describe('time', () => {
  it('isoFromMs matches Date#toISOString for any instant from 1970 to 2200', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), (ms) => isoFromMs(ms) === new Date(ms).toISOString()), { numRuns: 2000 });
    assert.equal(isoFromMs(Date.parse('2024-02-29T23:59:59.999Z')), '2024-02-29T23:59:59.999Z');
  });
  it('hoursAfter adds hours to a timestamp with an offset', () => {
    assert.equal(hoursAfter('2026-11-21T15:00:00+01:00')(24), '2026-11-22T14:00:00.000Z');
  });
});
