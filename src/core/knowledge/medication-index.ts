import type { Medication, MedicationName } from './schema.js';

/** One way of naming a medication: a name from medication-names.yaml, or a medication's own id or label. */
export interface MedicationNameEntry {
  /** The compact normalised form: see `nameKey`. */
  readonly key: string;
  /** The medication id it counts as; null for a medicine Primum knows but does not screen for. */
  readonly id: string | null;
  readonly matched: 'name' | 'id' | 'label';
  /** How the name is written for a person (the name as listed, or the medication's label). */
  readonly display: string;
  readonly route?: MedicationName['route'];
  readonly note?: string;
}

/** Every medication name by its key, built once when the knowledge base is compiled. */
export interface MedicationIndex {
  readonly byKey: ReadonlyMap<string, MedicationNameEntry>;
  /** The entries sorted by key, for prefix search. */
  readonly sorted: readonly MedicationNameEntry[];
  /** The entries grouped by key length, so edit distance is only ever computed against names of similar length. */
  readonly byLength: ReadonlyMap<number, readonly MedicationNameEntry[]>;
}

/**
 * Lower-case words separated by single spaces: accents, trade marks and apostrophes removed, any other
 * punctuation (hyphens, slashes, brackets, underscores) read as a space, decimal points kept in numbers.
 */
export function normaliseWords(text: string): string {
  return text
    .replace(/[®™©]/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[µμ]/g, 'u')
    .replace(/['’`]/g, '')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/[^a-z0-9%.]+/g, ' ')
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key a name is matched by: its normalised words with the spaces removed ("Retin-A" and "retin a" are one key). */
export const nameKey = (text: string): string => normaliseWords(text).replace(/ /g, '');

/** Builds the index: names first, then medication ids and labels; the first entry for a key wins (the validator reports clashes). */
export function buildMedicationIndex(medications: readonly Medication[], names: readonly MedicationName[]): MedicationIndex {
  const byKey = new Map<string, MedicationNameEntry>();
  const put = (e: MedicationNameEntry) => {
    if (e.key !== '' && !byKey.has(e.key)) byKey.set(e.key, e);
  };
  for (const n of names) {
    put({
      key: nameKey(n.name), id: n.medication, matched: 'name', display: n.name,
      ...(n.route ? { route: n.route } : {}), ...(n.note ? { note: n.note } : {}),
    });
  }
  for (const m of medications) put({ key: nameKey(m.id), id: m.id, matched: 'id', display: m.label });
  for (const m of medications) put({ key: nameKey(m.label), id: m.id, matched: 'label', display: m.label });
  const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byLength = new Map<number, MedicationNameEntry[]>();
  for (const e of sorted) byLength.set(e.key.length, [...(byLength.get(e.key.length) ?? []), e]);
  return { byKey, sorted, byLength };
}
