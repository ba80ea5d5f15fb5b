import type { Knowledge } from '../knowledge/compile.js';

/** The placeholders a template text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? ''))];
}

/** Fills `{name}` placeholders; a name without a value stays as written (the validator keeps templates honest). */
export function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

/** A knowledge text template, filled. Throws when the id is missing: the validator guarantees every id the engines use. */
export function textOf(kb: Knowledge, id: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const t = kb.texts.find((x) => x.id === id);
  if (!t) throw new Error(`knowledge text '${id}' is missing`);
  return fill(t.text, vars);
}

/** Names joined as people write them: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
