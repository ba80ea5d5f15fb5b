import type { Knowledge } from '../knowledge/compile.js';

const norm = (s: string): string =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** The medicine group of a name a person typed, by group id or label; undefined when Primum does not know it. */
export function resolveMedicationName(kb: Knowledge, name: string): string | undefined {
  if (name.length > 100) return undefined;
  const n = norm(name);
  return kb.medications.find((m) => norm(m.id) === n || norm(m.label) === n)?.id;
}
