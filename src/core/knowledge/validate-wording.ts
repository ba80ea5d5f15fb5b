import { placeholdersIn } from '../common/text.js';
import { authorYearName } from '../report/source-name.js';
import type { Knowledge, KbIssue } from './compile.js';
import { FACTS } from './facts.js';

/** Internal numbering of the source articles ("source article 003"), which people must never read. */
const INTERNAL_LABEL = /\barticle\s*\d{3}\b/i;

/**
 * Problems in the words people read about facts and sources: every fact of the catalogue (facts.ts) has exactly
 * one label, which uses `{name}` exactly when the fact names a vocabulary entry; every source has a readable name
 * (its `name`, or author and year from its id), a web page always its own `name`; and no name or citation shows
 * the internal article numbering.
 */
export function wordingIssues(kb: Knowledge): KbIssue[] {
  const issues: KbIssue[] = [];
  const labelFile = (fact: string) => kb.origins.get(`factLabels:${fact}`) ?? 'text/fact-labels.yaml';
  const seen = new Set<string>();
  for (const l of kb.factLabels) {
    const add = (message: string) => issues.push({ file: labelFile(l.fact), path: l.fact, message });
    if (seen.has(l.fact)) add(`duplicate label for fact '${l.fact}'`);
    seen.add(l.fact);
    if (!(l.fact in FACTS)) add(`'${l.fact}' is not a fact of the catalogue (src/core/knowledge/facts.ts)`);
    const wanted = l.fact.includes('{') ? ['name'] : [];
    const used = placeholdersIn(l.label);
    if (used.join() !== wanted.join()) {
      add(wanted.length ? `the label must use {name} (the vocabulary entry's label) once; it uses ${used.map((p) => `{${p}}`).join(', ') || 'none'}` : `the label may use no placeholder; it uses ${used.map((p) => `{${p}}`).join(', ')}`);
    }
  }
  for (const fact of Object.keys(FACTS)) {
    if (!seen.has(fact)) issues.push({ file: 'text/fact-labels.yaml', path: fact, message: `fact '${fact}' has no label: people would read its name` });
  }
  for (const s of kb.sources) {
    const add = (path: string, message: string) => issues.push({ file: kb.origins.get(`sources:${s.id}`) ?? 'sources', path: `${s.id}.${path}`, message });
    if (s.type === 'WEB' && !s.name) add('name', 'a web source needs a readable name (what kind of page it is), shown wherever it is listed');
    else if (!s.name && !authorYearName(s.id, s.citation)) add('name', `needs a readable name: its id does not read as author and year (e.g. chu2021)`);
    for (const [path, text] of [['name', s.name ?? ''], ['citation', s.citation]] as const) {
      if (INTERNAL_LABEL.test(text)) add(path, `shows the internal article numbering ("${INTERNAL_LABEL.exec(text)?.[0] ?? ''}"); the id and file record it`);
    }
  }
  return issues;
}
