// Quick schema check of one knowledge file: node --import tsx scripts/check-file.ts knowledge/rules/triage.yaml
import { readFileSync } from 'node:fs';
import { parseYaml } from '../src/core/common/yaml.js';
import { FILE_KINDS, fileKind } from '../src/core/knowledge/schema.js';

const path = process.argv[2] ?? '';
const rel = path.replace(/^.*knowledge\//, '');
const kind = fileKind(rel);
if (!kind) {
  console.error(`unknown knowledge file ${rel}`);
  process.exit(2);
}
const schema = FILE_KINDS[kind].schema;
const parsed = parseYaml(readFileSync(path, 'utf8'));
if (!parsed.ok) {
  console.log(`${rel}: (file): YAML syntax: ${parsed.message}`);
  process.exit(1);
}
const res = schema.safeParse(parsed.value);
if (res.success) {
  console.log(`${rel}: ok (${Array.isArray(res.data) ? res.data.length : 1} entries)`);
} else {
  for (const i of res.error.issues) console.log(`${rel}: ${i.path.join('.')}: ${i.message}`);
  process.exit(1);
}
