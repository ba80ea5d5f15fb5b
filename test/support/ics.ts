// Reads an iCalendar text with ical.js, an independent RFC 5545 parser.
import ICAL from 'ical.js';

export function readCalendar(text: string): ICAL.Component {
  const jcal: unknown = ICAL.parse(text);
  return new ICAL.Component(jcal as unknown[]);
}
