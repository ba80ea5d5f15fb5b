import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileKnowledge, type Knowledge, type KbIssue, type KnowledgeFileText } from '../../core/knowledge/compile.js';
import { validateKnowledge } from '../../core/knowledge/validate.js';

/** The knowledge/ folder shipped with the package. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return listYaml(p);
    return d.name.endsWith('.yaml') ? [p] : [];
  });
}

/** Reads every YAML file of a knowledge folder and hashes their content (SHA-256 over path and text). */
export function readKnowledgeDir(dir: string): { files: KnowledgeFileText[]; hash: string } {
  const files = listYaml(dir)
    .map((p) => ({ path: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\0${f.text}\0`);
  return { files, hash: `sha256:${h.digest('hex')}` };
}

export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): { ok: boolean; knowledge: Knowledge; issues: KbIssue[] } {
  const { files, hash } = readKnowledgeDir(dir);
  return compileKnowledge(files, hash, validateKnowledge);
}

/** Loads the knowledge base for serving advice; refuses a base with any problem. */
export function loadValidKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const r = loadKnowledge(dir);
  if (!r.ok) {
    const lines = r.issues.slice(0, 20).map((i) => `${i.file}: ${i.path}: ${i.message}`);
    throw new Error(`knowledge base at ${dir} is invalid (${r.issues.length} problems):\n${lines.join('\n')}`);
  }
  return r.knowledge;
}
