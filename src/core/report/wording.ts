import { textOf, textOrUndefined, type Texts } from '../common/text.js';
import type { ScreeningFinding } from '../screening/engine.js';

// Plain words for a screening report, shared by the web report page, the PDF and the terminal so they never
// disagree. The words themselves are knowledge texts (knowledge/text/report.yaml).

/** "2026-12-09" (or an ISO timestamp) -> "Wednesday 9 December 2026": the calendar date as written, in any time zone. */
export function dateInWords(kb: Texts, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return textOf(kb, 'date_in_words', {
    weekday: textOf(kb, `weekday_${d.getUTCDay()}`),
    day: d.getUTCDate(),
    month: textOf(kb, `month_${d.getUTCMonth() + 1}`),
    year: d.getUTCFullYear(),
  });
}

/** What a provisional earliest date means, for the report page, the PDF and the terminal. */
export const provisionalDateWords = (kb: Texts): string => textOf(kb, 'report_provisional_date');

/** What a finding asks the person to do, with the wait and the earliest date when there are. */
export function actionInWords(kb: Texts, f: ScreeningFinding): string {
  const parts = [textOf(kb, `action_${f.action}`)];
  if (f.waitDays !== undefined && f.action === 'wait') parts.push(textOf(kb, 'action_wait_days', { days: f.waitDays }));
  if (f.earliestDate) parts.push(textOf(kb, 'action_not_before', { date: dateInWords(kb, f.earliestDate) }));
  return parts.join(' ');
}

/** An evidence grade in words: a short name and a sentence; a source's type may have its own (a web article). */
export interface GradeWords {
  readonly grade: string;
  readonly short: string;
  readonly words: string;
}

/** What a grade means for a source of this type (grade D from a web page reads "blog or web article"). */
export function gradeInWords(kb: Texts, grade: string, type?: string): GradeWords {
  const g = grade.toLowerCase();
  const t = type?.toLowerCase();
  const short = (t && textOrUndefined(kb, `grade_${g}_${t}_short`)) ?? textOrUndefined(kb, `grade_${g}_short`);
  const words = (t && textOrUndefined(kb, `grade_${g}_${t}_words`)) ?? textOrUndefined(kb, `grade_${g}_words`);
  return { grade, short: short ?? grade, words: words ?? grade };
}

/**
 * Every grade of REFERENCE.md §9 (docs/knowledge.md §2) in words, for a legend, in the knowledge's order: each
 * `grade_<grade>_words` text, and each `grade_<grade>_<type>_words` (a web article) after its grade.
 */
export function gradeLegend(kb: Texts): GradeWords[] {
  return kb.texts.flatMap((t) => {
    const m = /^grade_([a-z])(?:_([a-z]+))?_words$/.exec(t.id);
    return m?.[1] ? [gradeInWords(kb, m[1].toUpperCase(), m[2])] : [];
  });
}
