import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiate } from './accept.js';

const offers = ['application/json', 'text/calendar'] as const;
const pick = (accept: string | undefined) => negotiate(accept, [...offers] as ['application/json', 'text/calendar']);

describe('negotiate (Accept with q-values)', () => {
  it('honours q-values: a calendar at q=0.5 loses to JSON at q=1', () => {
    assert.equal(pick('text/calendar;q=0.5, application/json'), 'application/json');
    assert.equal(pick('application/json;q=0.4, text/calendar;q=0.6'), 'text/calendar');
    assert.equal(pick('application/json; q=0, */*'), 'text/calendar');
  });
  it('on a tie, the one listed first wins; through one wildcard, JSON', () => {
    assert.equal(pick('text/calendar, application/json'), 'text/calendar');
    assert.equal(pick('application/json, text/calendar'), 'application/json');
    assert.equal(pick('*/*'), 'application/json');
    assert.equal(pick('text/*'), 'text/calendar');
  });
  it('the most specific range decides an offer\'s q', () => {
    assert.equal(pick('text/*;q=1, text/calendar;q=0.1, application/json;q=0.5'), 'application/json');
    assert.equal(pick('text/calendar;q=0'), 'application/json');
  });
  it('no header, an empty or unusable one, or nothing acceptable: JSON', () => {
    for (const a of [undefined, '', 'image/png', 'nonsense', 'text/calendar;q=abc']) assert.equal(pick(a), 'application/json', String(a));
  });
});
