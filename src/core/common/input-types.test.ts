import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { z } from 'zod';
import { IsoDate, IsoDateTime, quote } from './input-types.js';

const messages = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('IsoDate', () => {
  it('accepts real dates from 1900 to 2100, leap days included', () => {
    for (const d of ['2026-11-30', '2024-02-29', '2000-02-29', '1900-01-01', '2100-12-31']) assert.deepEqual(messages(IsoDate, d), [], d);
  });
  it('rejects an impossible calendar date, saying why', () => {
    assert.deepEqual(messages(IsoDate, '2026-02-30'), ['"2026-02-30" is not a real date: February 2026 has 28 days; use YYYY-MM-DD']);
    assert.deepEqual(messages(IsoDate, '2026-04-31'), ['"2026-04-31" is not a real date: April 2026 has 30 days; use YYYY-MM-DD']);
    assert.deepEqual(messages(IsoDate, '2026-13-01'), ['"2026-13-01" is not a real date: there is no month 13; use YYYY-MM-DD']);
    assert.deepEqual(messages(IsoDate, '1900-02-29'), ['"1900-02-29" is not a real date: February 1900 has 28 days; use YYYY-MM-DD']);
  });
  it('rejects years before 1900 or after 2100 with the range', () => {
    assert.deepEqual(messages(IsoDate, '1899-12-31'), ['"1899-12-31" is not accepted: the year must be between 1900 and 2100']);
    assert.deepEqual(messages(IsoDate, '2101-01-01'), ['"2101-01-01" is not accepted: the year must be between 1900 and 2100']);
  });
  it('names the form for text that is not a date, without echoing a long input whole', () => {
    assert.deepEqual(messages(IsoDate, '30/02/2026'), ['"30/02/2026" is not a date; use YYYY-MM-DD, e.g. 2026-11-30']);
    const [m = ''] = messages(IsoDate, 'x'.repeat(5000));
    assert.ok(m.length < 120, m);
  });
});

describe('IsoDateTime', () => {
  it('accepts real instants with Z or an offset', () => {
    for (const t of ['2026-11-21T14:30:00Z', '2026-11-22T08:00:00+09:00', '2024-02-29T23:59:59.999-05:30', '2026-11-21T14:30Z']) {
      assert.deepEqual(messages(IsoDateTime, t), [], t);
    }
  });
  it('rejects an impossible date instead of rolling it into the next month', () => {
    const [m = ''] = messages(IsoDateTime, '2026-02-30T10:00:00Z');
    assert.match(m, /^"2026-02-30T10:00:00Z" is not a real date: February 2026 has 28 days; use YYYY-MM-DDTHH:MM:SS/);
  });
  it('rejects impossible times, offsets and years, and a missing time zone', () => {
    assert.match(messages(IsoDateTime, '2026-11-21T24:00:00Z')[0] ?? '', /is not a real time: hours go from 00 to 23/);
    assert.match(messages(IsoDateTime, '2026-11-21T10:60:00Z')[0] ?? '', /is not a real time/);
    assert.match(messages(IsoDateTime, '2026-11-21T10:00:00+24:00')[0] ?? '', /impossible time zone offset/);
    assert.match(messages(IsoDateTime, '1850-11-21T10:00:00Z')[0] ?? '', /the year must be between 1900 and 2100/);
    assert.match(messages(IsoDateTime, '2026-11-21T10:00:00')[0] ?? '', /is not a date and time with its time zone/);
  });
});

describe('quote', () => {
  it('quotes short values whole and cuts long ones to about 40 characters', () => {
    assert.equal(quote('old'), '"old"');
    assert.equal(quote(12), '12');
    const long = quote('y'.repeat(500));
    assert.ok(long.length <= 41 && long.startsWith('"yyy') && long.endsWith('…"'), long);
  });
});

describe('IsoDateTime offsets', () => {
  it('accepts offsets up to ±14:00 and refuses any beyond', () => {
    for (const t of ['2026-11-21T14:30:00+14:00', '2026-11-21T14:30:00-14:00']) assert.deepEqual(messages(IsoDateTime, t), [], t);
    for (const t of ['2026-11-21T14:30:00+14:01', '2026-11-21T14:30:00-15:00', '2026-11-21T14:30:00+23:59']) {
      const [m = ''] = messages(IsoDateTime, t);
      assert.match(m, /time zone offset beyond ±14:00/, t);
    }
  });
});
