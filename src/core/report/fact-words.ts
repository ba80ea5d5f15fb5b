import { fill, textOf, textOrUndefined, type Texts } from '../common/text.js';
import type { FactValue } from '../knowledge/evaluate.js';
import { FACTS, resolveFact, type VocabName } from '../knowledge/facts.js';
import type { FactLabel } from '../knowledge/schema.js';

// Plain words for the facts a finding used ("procedure.botulinum_toxin.days_since: 6" ->
// "Time since anti-wrinkle injections: 6 days"), shared by the web report and the PDF. The words are knowledge:
// knowledge/text/fact-labels.yaml (a label per fact) and knowledge/text/report.yaml (values).

/** The label of a vocabulary id; callers fall back to the id when they do not know it. */
export type VocabLabel = (vocab: VocabName, id: string) => string;

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'] as const;

const words = (id: string) => id.replace(/_/g, ' ');

/** What naming facts needs from the knowledge (the knowledge itself, or the summary a client loads). */
export interface FactWording extends Texts {
  readonly factLabels: readonly FactLabel[];
}

/** A label inside a sentence: "Anti-wrinkle injections" -> "anti-wrinkle injections", but "PRP" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

function duration(kb: Texts, hours: number): string {
  if (hours === 1) return textOf(kb, 'value_hour');
  if (hours < 48) return textOf(kb, 'value_hours', { count: hours });
  return textOf(kb, 'value_days', { count: Math.floor(hours / 24) });
}

/** A fact and its value in plain words; a fact without a label falls back to its name. */
export function factInWords(kb: FactWording, name: string, value: FactValue | undefined, label: VocabLabel): { label: string; value: string } {
  const resolved = resolveFact(name);
  const template = resolved ? kb.factLabels.find((l) => l.fact === resolved.pattern)?.label : undefined;
  const ref = resolved?.ref;
  const vocabWords = ref ? label(ref.vocab, ref.id) : '';
  const text = template === undefined ? name : fill(template, { name: template.startsWith('{name}') ? vocabWords : midSentence(vocabWords) });
  return { label: text.charAt(0).toUpperCase() + text.slice(1), value: valueWords(kb, resolved?.pattern ?? name, value, label) };
}

function valueWords(kb: Texts, pattern: string, v: FactValue | undefined, label: VocabLabel): string {
  if (v === null || v === undefined || v === 'unknown') return textOf(kb, 'value_unknown');
  if (typeof v === 'boolean') return textOf(kb, v ? 'value_yes' : 'value_no');
  if (typeof v === 'number') {
    if (pattern.endsWith('_mm')) return textOf(kb, 'value_mm', { value: v });
    if (pattern.endsWith('days_since') || pattern.endsWith('days_since_last_dose')) return v === 1 ? textOf(kb, 'value_day') : textOf(kb, 'value_days', { count: v });
    if (pattern.includes('hours_since')) return duration(kb, v);
    if (pattern === 'person.temperature_c') return textOf(kb, 'value_celsius', { value: v });
    if (pattern === 'person.fitzpatrick' || pattern === 'person.fitzpatrick_self_report') return ROMAN[v] ?? String(v);
    if (pattern === 'person.age') return textOf(kb, 'value_years', { value: v });
    return String(v);
  }
  const type = FACTS[pattern];
  if (type?.type === 'vocab') return label(type.vocab, v);
  return textOrUndefined(kb, `answer_${v}`) ?? words(v);
}
