import type { Knowledge } from '../knowledge/compile.js';
import { normaliseWords, type MedicationIndex, type MedicationNameEntry } from '../knowledge/medication-index.js';

/** Longer input is refused before any work: no medicine name is this long. */
export const MEDICATION_TEXT_MAX = 100;
const SUGGESTIONS = 5;

export type MedicationResolution =
  | {
      ok: true;
      /** The medications.yaml id; null when Primum knows the medicine but does not screen for it (see `note`). */
      id: string | null;
      /** What the text matched: a listed name, a medication id, or a medication label. */
      matched: 'name' | 'id' | 'label';
      /** The name as listed (or the medication's label), for echoing back to the person. */
      name: string;
      note?: string;
    }
  | { ok: false; reason: 'empty' | 'too_long' | 'unknown'; suggestions: string[] };

const DOSE = /^\d+(?:\.\d+)?(?:mg|mcg|ug|g|ml|iu|units?|%|micrograms?|milligrams?)$/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const UNITS = new Set(['mg', 'mcg', 'ug', 'g', 'ml', 'iu', 'unit', 'units', '%', 'microgram', 'micrograms', 'milligram', 'milligrams']);
const FREQUENCY = new Set(['daily', 'once', 'twice', 'weekly', 'nightly', 'bd', 'bid', 'od', 'tds', 'tid', 'qds', 'prn']);
const PERIOD = new Set(['day', 'days', 'week', 'weeks', 'night', 'morning', 'evening']);
const CONNECTOR = new Set(['a', 'per', 'every', 'each', 'at']);
/** Words about the release or packaging, never about the route. */
const NEUTRAL = new Set([
  'mr', 'xl', 'sr', 'er', 'ec', 'cr', 'xr', 'modified', 'prolonged', 'extended', 'delayed', 'release', 'gastro', 'resistant',
  'enteric', 'coated', 'dispersible', 'soluble', 'chewable', 'effervescent', 'supplement', 'supplements',
  'inhaler', 'inhalers', 'puffer', 'puffers', 'turbohaler', 'accuhaler', 'evohaler',
]);
const SYSTEMIC = new Set([
  'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'caps', 'pill', 'pills', 'oral', 'orally', 'liquid', 'syrup',
  'suspension', 'granules', 'softgel', 'softgels', 'gummy', 'gummies', 'injection', 'injections', 'injectable', 'jab', 'jabs',
  'infusion', 'infusions', 'drip', 'iv', 'intravenous', 'pen', 'pens', 'syringe', 'syringes', 'prefilled',
]);
const TOPICAL = new Set(['cream', 'creams', 'ointment', 'ointments', 'gel', 'gels', 'lotion', 'lotions', 'foam', 'topical', 'serum', 'serums']);

/** Drops doses ("5 mg", "1%"), how often ("twice a day", "at night") and release words ("MR"); the words left still name the medicine. */
function withoutDoses(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (DOSE.test(w) || NEUTRAL.has(w) || FREQUENCY.has(w)) continue;
    // A pair of bare numbers is a combined strength ("200/6" for an inhaler): drop both.
    if ((NUMBER.test(w) && (UNITS.has(next) || next === 'times' || NUMBER.test(next))) || (CONNECTOR.has(w) && PERIOD.has(next))) i += 1;
    else if (w === 'in' && next === 'the' && PERIOD.has(words[i + 2] ?? '')) i += 2;
    else out.push(w);
  }
  return out;
}

/** The route the form words imply; 'both' when they contradict each other. */
function routeOf(words: readonly string[]): 'systemic' | 'topical' | 'both' | undefined {
  const systemic = words.some((w) => SYSTEMIC.has(w));
  const topical = words.some((w) => TOPICAL.has(w));
  return systemic && topical ? 'both' : systemic ? 'systemic' : topical ? 'topical' : undefined;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Names starting with the key (binary search over the sorted index). */
function withPrefix(index: MedicationIndex, key: string): MedicationNameEntry[] {
  const { sorted } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.key ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  const out: MedicationNameEntry[] = [];
  for (let i = lo; i < sorted.length && out.length < SUGGESTIONS; i += 1) {
    const e = sorted[i];
    if (!e?.key.startsWith(key)) break;
    out.push(e);
  }
  return out;
}

/** Close names: those starting with the key, then those a few typing mistakes away among names of similar length. */
function suggest(index: MedicationIndex, keys: readonly string[]): string[] {
  const ranked: { e: MedicationNameEntry; score: number }[] = [];
  for (const key of keys) {
    if (key.length >= 3) for (const e of withPrefix(index, key)) ranked.push({ e, score: (e.key.length - key.length) / 100 });
    const max = key.length < 5 ? 1 : key.length < 9 ? 2 : 3;
    for (let len = key.length - max; len <= key.length + max; len += 1) {
      for (const e of index.byLength.get(len) ?? []) {
        const d = boundedDistance(key, e.key, max);
        if (d <= max) ranked.push({ e, score: d });
      }
    }
  }
  ranked.sort((a, b) => a.score - b.score || a.e.display.localeCompare(b.e.display));
  const out: string[] = [];
  for (const { e } of ranked) {
    if (!out.includes(e.display)) out.push(e.display);
    if (out.length === SUGGESTIONS) break;
  }
  return out;
}

const found = (e: MedicationNameEntry): MedicationResolution => ({
  ok: true, id: e.id, matched: e.matched, name: e.display, ...(e.note ? { note: e.note } : {}),
});

/**
 * The medication a name a person typed counts as: a generic or brand name from
 * vocabulary/medication-names.yaml, or a medication id or label, ignoring case, accents, spaces,
 * hyphens and doses ("Eliquis 5 mg tablets"). Form words (tablets, cream, ...) are dropped only when
 * the name does not depend on them: "tacrolimus ointment" never falls back to oral tacrolimus.
 * Unknown text gives up to five close names as suggestions. Pure; input over 100 characters is refused.
 */
export function resolveMedication(kb: Pick<Knowledge, 'medicationIndex'>, text: string): MedicationResolution {
  if (text.length > MEDICATION_TEXT_MAX) return { ok: false, reason: 'too_long', suggestions: [] };
  const index = kb.medicationIndex;
  const words = normaliseWords(text).split(' ').filter((w) => w !== '');
  if (words.length === 0) return { ok: false, reason: 'empty', suggestions: [] };

  const exact = index.byKey.get(words.join(''));
  if (exact) return found(exact);
  const dosed = withoutDoses(words);
  const byDose = index.byKey.get(dosed.join(''));
  if (byDose) return found(byDose);
  const base = dosed.filter((w) => !SYSTEMIC.has(w) && !TOPICAL.has(w));
  const route = routeOf(dosed);
  const byBase = base.length > 0 ? index.byKey.get(base.join('')) : undefined;
  if (byBase && route !== 'both' && (byBase.route === undefined || byBase.route === route)) return found(byBase);

  const keys = [...new Set([words.join(''), base.join('')])].filter((k) => k !== '');
  return { ok: false, reason: 'unknown', suggestions: suggest(index, keys) };
}
