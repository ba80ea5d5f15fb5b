import type { TextTemplate } from '../knowledge/schema.js';

/** What filling a text needs: the knowledge's templates (the knowledge itself, or the summary a client loads). */
export interface Texts {
  readonly texts: readonly TextTemplate[];
  /** The templates by id, when the knowledge was compiled (a client's summary may only have the list). */
  readonly textsById?: ReadonlyMap<string, TextTemplate>;
}

/** The placeholders a template text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? ''))];
}

/** Fills `{name}` placeholders; a name without a value stays as written (the validator keeps templates honest). */
export function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{([a-z_]+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

/** A knowledge text template, filled. Throws when the id is missing: the validator guarantees every id the engines use. */
export function textOf(kb: Texts, id: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const t = textOrUndefined(kb, id, vars);
  if (t === undefined) throw new Error(`knowledge text '${id}' is missing`);
  return t;
}

/** A knowledge text template that the knowledge may leave out (optional wording), filled; undefined when absent. */
export function textOrUndefined(kb: Texts, id: string, vars: Readonly<Record<string, string | number>> = {}): string | undefined {
  const t = kb.textsById ? kb.textsById.get(id) : kb.texts.find((x) => x.id === id);
  return t && fill(t.text, vars);
}

/** Names joined as people write them: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
