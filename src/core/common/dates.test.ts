import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween, isIsoDate } from './dates.js';

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    for (const d of ['2026-01-31', '2024-02-29', '2026-12-31']) assert.equal(isIsoDate(d), true, d);
    for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '26-01-01', '2026-1-1', 'tomorrow']) assert.equal(isIsoDate(d), false, d);
  });
  it('counts days across months, years and leap days', () => {
    assert.equal(daysBetween('2026-11-25', '2026-12-09'), 14);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-12-09', '2026-11-25'), -14);
    assert.equal(addDays('2026-10-01', 183), '2027-04-02');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});
