// A source's short name, where sources are listed (the terminal, the PDF's disagreements, the web report).

/** What a source's record needs to be named and graded (a knowledge source, a result's or the summary's entry). */
export interface SourceInfo {
  readonly citation?: string;
  readonly name?: string;
  readonly type?: string;
}

/** "chu2021" -> "Chu 2021", using the citation's spelling when it starts with the name ("FDA" for fda2025rf). */
export function authorYearName(id: string, citation?: string): string | undefined {
  const m = /^([a-z]+?)(\d{4})[a-z]*$/.exec(id);
  const name = m?.[1];
  if (!m || !name || name === 'article') return undefined;
  const first = /^([A-Za-z][A-Za-z-]*)/.exec(citation ?? '')?.[1];
  const word = first && first.toLowerCase() === name ? first : `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return `${word} ${m[2] ?? ''}`;
}

/**
 * A source as a short name: its `name` in the knowledge, otherwise author and year from the id ("Chu 2021").
 * The validator makes sure every source has one or the other; the id in words is only a last resort.
 */
export function sourceName(id: string, source?: SourceInfo): string {
  return source?.name ?? authorYearName(id, source?.citation) ?? id.replace(/_/g, ' ');
}
