import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { clinicPenTreatment, rfTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { aftercareInputSchema } from '../../service/after-treatment.service.js';
import { aftercarePlan } from './engine.js';
import { aftercareCalendar, daytime } from './ics.js';
import { readCalendar } from '../../../test/support/ics.js';

const kb = shippedKnowledge();
const input = aftercareInputSchema(kb).parse({ treatment: clinicPenTreatment, person: { fitzpatrick: 4 } });
const plan = aftercarePlan(kb, input.treatment, input.person, { now: NOW });
const ics = aftercareCalendar(kb, plan, { now: NOW });

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
    assert.equal(aftercareCalendar(kb, plan, { now: NOW }), ics);
  });

  it('reminds on the morning of the earliest next-session date', () => {
    const next = readCalendar(ics).getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('summary')).includes('next microneedling'));
    const alarm = next?.getFirstSubcomponent('valarm');
    assert.ok(alarm, 'the all-day next-session event has an alarm');
    assert.equal(String(alarm.getFirstPropertyValue('trigger')), 'PT9H');
  });

  it('titles follow the actual window (RF: 72 h of no exercise is "3 days")', () => {
    const rf = aftercareInputSchema(kb).parse({ treatment: { ...rfTreatment, rfEnergy: 'standard' } });
    const p = aftercarePlan(kb, rf.treatment, rf.person, { now: NOW });
    const exercise = p.instructions.find((i) => i.ruleId === 'ac_no_exercise_sweat');
    assert.equal(exercise?.title, 'No hard exercise or heavy sweating for 3 days');
    const summaries = readCalendar(aftercareCalendar(kb, p, { now: NOW })).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
    assert.ok(summaries.includes('Aftercare window ends: No hard exercise or heavy sweating for 3 days'), summaries.join('; '));
    assert.equal(plan.instructions.find((i) => i.ruleId === 'ac_no_exercise_sweat')?.title, 'No hard exercise or heavy sweating for 2 days');
    for (const i of [...p.instructions, ...plan.instructions]) assert.ok(!/[{}]/.test(i.title), i.title);
  });

  it('never rings at night: a late treatment gets its reminders the next morning, in the offset it was given in', () => {
    const late = (treatedAt: string) => {
      const i = aftercareInputSchema(kb).parse({ treatment: { ...clinicPenTreatment, treatedAt } });
      const events = readCalendar(aftercareCalendar(kb, aftercarePlan(kb, i.treatment, i.person, { now: NOW }), { now: NOW }))
        .getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      return events.filter((e) => !e.startDate.isDate).map((e) => e.startDate.toJSDate().toISOString());
    };
    const utc = late('2026-11-21T23:30:00Z');
    assert.ok(utc.includes('2026-11-23T09:00:00.000Z'), 'day 1 check-in (23:30 UTC) moved to 09:00 the next morning');
    for (const at of utc) assert.ok(new Date(at).getUTCHours() >= 9 && new Date(at).getUTCHours() < 21, at);
    const paris = late('2026-11-21T23:30:00+01:00');
    assert.ok(paris.includes('2026-11-23T08:00:00.000Z'), '09:00 in UTC+01:00');
    assert.equal(daytime('2026-11-22T14:00:00.000Z', 0), '2026-11-22T14:00:00.000Z');
    assert.equal(daytime('2026-11-22T03:00:00.000Z', 0), '2026-11-22T09:00:00.000Z');
    assert.equal(daytime('2026-11-22T03:00:00.000Z', -300), '2026-11-22T14:00:00.000Z');
  });
});

