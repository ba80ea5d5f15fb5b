import type { ScreeningFinding } from '../screening/engine.js';

// Plain words for a screening report, shared by the web report page and the PDF so they never disagree.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "2026-12-09" (or an ISO timestamp) -> "Wednesday 9 December 2026": the calendar date as written, in any time zone. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${DAYS[d.getUTCDay()] ?? ''} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/** What a provisional earliest date means, for the report page, the PDF and the terminal. */
export const PROVISIONAL_DATE_WORDS = 'Provisional: answer the open questions first, as they may change this date.';

/** What each kind of finding asks the person to do. */
export const ACTION_WORDS: Readonly<Record<ScreeningFinding['action'], string>> = {
  precaution: 'Go ahead only with the precautions described here.',
  wait: 'Wait before having this treatment.',
  refer: 'Ask a qualified, licensed practitioner or a doctor before going ahead.',
  change_plan: 'Change the plan before treatment.',
  skip_area: 'Leave this area out of the treatment.',
  do_not_treat: 'Do not have this treatment as planned.',
};

export function actionInWords(f: ScreeningFinding): string {
  const parts = [ACTION_WORDS[f.action]];
  if (f.waitDays !== undefined && f.action === 'wait') parts.push(`The wait is at least ${f.waitDays} days.`);
  if (f.earliestDate) parts.push(`Not before ${dateInWords(f.earliestDate)}.`);
  return parts.join(' ');
}

/**
 * A source as a short name: the citation's first word when it names the source ("Chu S, ..." for chu2021,
 * "FDA Safety ..." for fda2025rf), otherwise the id in words ("clinic_practice" -> "clinic practice").
 */
export function sourceName(id: string, citation?: string): string {
  const m = /^([a-z]+?)(\d{4})[a-z]*$/.exec(id);
  const name = m?.[1];
  if (!name || name === 'article') return id.replace(/_/g, ' ').replace(/^([a-z]+)(\d+)$/, '$1 $2');
  const first = /^([A-Za-z][A-Za-z-]*)/.exec(citation ?? '')?.[1];
  const word = first && first.toLowerCase() === name ? first : `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return `${word} ${m[2] ?? ''}`;
}

/** The evidence grades of REFERENCE.md §9 (docs/knowledge.md §2), in plain words. */
export const GRADES: readonly { grade: string; short: string; words: string }[] = [
  { grade: 'A', short: 'strong evidence', words: 'Strong evidence: systematic reviews of randomised trials.' },
  { grade: 'B', short: 'good evidence', words: 'Good evidence: reviews of mixed studies, prospective studies, or consensus built on a review.' },
  { grade: 'C', short: 'limited evidence', words: 'Limited evidence: case reports and series, or indirect evidence.' },
  { grade: 'D', short: 'expert opinion', words: 'Expert opinion: device instructions, clinic protocols, articles.' },
  { grade: 'R', short: 'regulator', words: 'A fact set by a regulator (for example a safety warning).' },
  { grade: 'U', short: 'unsupported', words: 'Unsupported or contradicted.' },
];
