import { CORE_SCHEMA, dump, load, YAMLException } from 'js-yaml';

/** Plain data only: no timestamps (dates stay "YYYY-MM-DD" strings), no merge keys, no custom tags. */
const SCHEMA = CORE_SCHEMA;

/** Parses YAML text; a syntax error comes back as a message with its line, never a throw. */
export function parseYaml(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: load(text, { schema: SCHEMA }) };
  } catch (e) {
    if (e instanceof YAMLException) return { ok: false, message: `line ${e.mark.line + 1}: ${e.reason}` };
    throw e;
  }
}

export const toYaml = (value: unknown): string => dump(value, { schema: SCHEMA, lineWidth: 110, noRefs: true });
