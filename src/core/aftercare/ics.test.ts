import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { aftercareInputSchema } from '../../service/after-treatment.service.js';
import { aftercarePlan } from './engine.js';
import { aftercareCalendar } from './ics.js';
import { readCalendar } from '../../../test/support/ics.js';

const kb = shippedKnowledge();
const input = aftercareInputSchema(kb).parse({ treatment: clinicPenTreatment, person: { fitzpatrick: 4 } });
const plan = aftercarePlan(kb, input.treatment, input.person, { now: NOW });
const ics = aftercareCalendar(plan, { now: NOW });

describe('aftercare iCalendar export', () => {
  it('is valid RFC 5545 as read back by an independent parser (ical.js)', () => {
    const cal = readCalendar(ics);
    assert.equal(cal.name, 'vcalendar');
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    assert.ok(String(cal.getFirstPropertyValue('prodid')).includes('Primum'));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const avoidWindows = plan.instructions.filter((i) => i.type === 'avoid' && i.until !== null);
    assert.equal(events.length, plan.checkIns.length + avoidWindows.length + 1);
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
    for (const v of cal.getAllSubcomponents('vevent')) assert.ok(v.getFirstPropertyValue('dtstamp'));
  });

  it('has reminders at the check-ins and window ends, and an all-day earliest next session', () => {
    const events = readCalendar(ics).getAllSubcomponents('vevent');
    const day3 = events.find((e) => String(e.getFirstPropertyValue('summary')).includes('Day 3'));
    assert.equal(new ICAL.Event(day3).startDate.toJSDate().toISOString(), plan.checkIns.find((c) => c.id === 'ci_day3')?.at);
    assert.ok(day3?.getFirstSubcomponent('valarm'));
    const makeup = events.find((e) => String(e.getFirstPropertyValue('summary')).includes('makeup'));
    assert.equal(new ICAL.Event(makeup).startDate.toJSDate().toISOString(), plan.instructions.find((i) => i.ruleId === 'ac_no_makeup')?.until);
    const next = new ICAL.Event(events.find((e) => String(e.getFirstPropertyValue('summary')).includes('next microneedling')));
    assert.equal(next.startDate.isDate, true);
    assert.equal(next.startDate.toString(), plan.nextSession.earliestDate);
  });

  it('escapes text and folds long lines at 75 octets with CRLF', () => {
    assert.ok(ics.endsWith('\r\n'));
    const lines = ics.split('\r\n');
    for (const l of lines) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, l);
    const events = readCalendar(ics).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const desc = events[0]?.description ?? '';
    assert.match(desc, /call your emergency number/);
    assert.ok(desc.includes(', ') || desc.includes('; '), 'commas/semicolons survive the round trip');
  });

  it('is deterministic: the same plan gives the same file', () => {
    assert.equal(aftercareCalendar(plan, { now: NOW }), ics);
  });
});
