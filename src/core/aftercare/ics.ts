import { textOf, type Texts } from '../common/text.js';
import type { AftercarePlan } from './engine.js';

/** A short stable hash (FNV-1a, 32 bit) for event UIDs: the same plan gives the same UIDs. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** RFC 5545 §3.3.11 TEXT escaping. */
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
/** RFC 5545 §3.3.5 UTC date-time, e.g. 20261121T140000Z. */
const utc = (iso: string) => new Date(Date.parse(iso)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const dateValue = (d: string) => d.replace(/-/g, '');

const encoder = new TextEncoder();
/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space, never inside a UTF-8 character. */
function fold(line: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** The UTC offset a timestamp was written with, in minutes (Z = 0). */
function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Reminders go off between 09:00 and 21:00 local time. */
const DAY_START_H = 9;
const DAY_END_H = 21;

/**
 * The first moment at or after `iso` that falls in the daytime of the person's clock (the offset of the
 * treatment time; UTC when it was given in Z). Never earlier than `iso`, so a day-N check-in stays on day N or later.
 */
export function daytime(iso: string, offsetMin: number): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + offsetMin * 60_000);
  const h = local.getUTCHours() + local.getUTCMinutes() / 60;
  if (h >= DAY_START_H && h < DAY_END_H) return new Date(ms).toISOString();
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + (h >= DAY_END_H ? 1 : 0), DAY_START_H);
  return new Date(morning - offsetMin * 60_000).toISOString();
}

interface Event {
  key: string;
  summary: string;
  description: string;
  start: { at: string } | { date: string };
  alarm?: string;
}

const allDayAlarmTrigger = `TRIGGER;RELATED=START:PT${DAY_START_H}H`;

/** The plan as an iCalendar file: check-in reminders, the end of each "avoid" window, the earliest next session. */
export function aftercareCalendar(kb: Texts, plan: AftercarePlan, opts: { now: string }): string {
  const emergency = plan.notices.emergency;
  const offset = offsetMinutes(plan.treatedAt);
  const events: Event[] = [
    ...plan.checkIns.map((c) => ({
      key: `checkin:${c.id}`,
      summary: textOf(kb, 'ics_checkin_title', { label: c.label }),
      description: textOf(kb, 'ics_checkin_description', { why: c.why, emergency }),
      start: { at: daytime(c.at, offset) },
      alarm: textOf(kb, 'ics_checkin_alarm', { label: c.label.toLowerCase() }),
    })),
    ...plan.instructions
      .filter((i) => i.type === 'avoid' && i.until !== null)
      .map((i) => ({
        key: `ends:${i.ruleId}`,
        summary: textOf(kb, 'ics_window_ends_title', { title: i.title }),
        description: i.untilNote
          ? textOf(kb, 'ics_window_ends_description_note', { note: i.untilNote, advice: i.advice, emergency })
          : textOf(kb, 'ics_window_ends_description', { advice: i.advice, emergency }),
        start: { at: daytime(i.until ?? plan.treatedAt, offset) },
        alarm: textOf(kb, 'ics_window_ends_title', { title: i.title }),
      })),
  ];
  if (plan.nextSession.earliestDate) {
    events.push({
      key: 'next-session',
      summary: textOf(kb, 'ics_next_session_title'),
      description: textOf(kb, 'ics_next_session_description', { advice: plan.nextSession.advice.map((a) => a.advice).join('\n') }),
      start: { date: plan.nextSession.earliestDate },
      alarm: textOf(kb, 'ics_next_session_alarm'),
    });
  }
  const stamp = utc(opts.now);
  const seed = `${plan.treatedAt}|${plan.stamp.knowledgeHash}`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Primum//Aftercare plan//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(textOf(kb, 'ics_calendar_name'))}`];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${fnv1a(`${seed}|${e.key}`)}-${fnv1a(e.key)}@primum`, `DTSTAMP:${stamp}`);
    if ('at' in e.start) lines.push(`DTSTART:${utc(e.start.at)}`, 'DURATION:PT15M');
    else {
      const next = new Date(Date.parse(`${e.start.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      lines.push(`DTSTART;VALUE=DATE:${dateValue(e.start.date)}`, `DTEND;VALUE=DATE:${dateValue(next)}`);
    }
    lines.push(`SUMMARY:${text(e.summary)}`, `DESCRIPTION:${text(e.description)}`, 'TRANSP:TRANSPARENT');
    // An all-day event starts at local midnight: its reminder goes off at 09:00 on the day.
    const trigger = 'at' in e.start ? 'TRIGGER:PT0M' : allDayAlarmTrigger;
    if (e.alarm) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', trigger, `DESCRIPTION:${text(e.alarm)}`, 'END:VALARM');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
