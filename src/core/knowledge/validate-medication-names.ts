import type { Knowledge, KbIssue } from './compile.js';
import { nameKey } from './medication-index.js';

/**
 * Problems in medication-names.yaml: a medication that does not resolve, a null mapping without a note,
 * two names (or a name and another medication's id or label) that are one name once case, accents,
 * spaces and hyphens are ignored.
 */
export function medicationNameIssues(kb: Knowledge): KbIssue[] {
  const issues: KbIssue[] = [];
  const file = kb.origins.get('medicationNames:medicationNames') ?? 'vocabulary/medication-names.yaml';
  const add = (path: string, message: string) => issues.push({ file, path, message });
  const medicationIds = new Set(kb.medications.map((m) => m.id));

  // A medication's own id and label are names too: they must not collide across medications.
  const owner = new Map<string, { id: string | null; what: string }>();
  for (const m of kb.medications) {
    for (const [what, text] of [['id', m.id], ['label', m.label]] as const) {
      const key = nameKey(text);
      const prior = owner.get(key);
      if (!prior) owner.set(key, { id: m.id, what: `the ${what} of medication '${m.id}'` });
      else if (prior.id !== m.id) {
        issues.push({
          file: kb.origins.get(`medications:${m.id}`) ?? 'medications', path: `${m.id}.${what}`,
          message: `reads the same as ${prior.what} once case, accents, spaces and hyphens are ignored`,
        });
      }
    }
  }

  const seen = new Map<string, string>();
  for (const n of kb.medicationNames.names) {
    const where = (field: string) => `${n.name}.${field}`;
    if (n.medication === null) {
      if (!n.note) add(where('note'), 'a name that counts as no medication (medication: null) needs a note saying why');
    } else if (!medicationIds.has(n.medication)) {
      add(where('medication'), `'${n.medication}' is not a medications id`);
    }
    const key = nameKey(n.name);
    if (key === '') {
      add(where('name'), 'has no letters or digits to match');
      continue;
    }
    const twin = seen.get(key);
    if (twin !== undefined) add(where('name'), `is the same name as '${twin}' once case, accents, spaces and hyphens are ignored`);
    else seen.set(key, n.name);
    const prior = owner.get(key);
    if (prior && prior.id !== n.medication) add(where('name'), `reads the same as ${prior.what} but counts as '${String(n.medication)}'`);
  }
  return issues;
}
