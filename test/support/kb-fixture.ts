// Loads the minimal valid knowledge fixture as in-memory files, so tests can break one thing at a time.
import { fileURLToPath } from 'node:url';
import { readKnowledgeDir } from '../../src/adapters/knowledge/fs-knowledge.js';
import { compileKnowledge, type KnowledgeFileText } from '../../src/core/knowledge/compile.js';
import { validateKnowledge } from '../../src/core/knowledge/validate.js';

export const MINIMAL_KB_DIR = fileURLToPath(new URL('../fixtures/kb-minimal/', import.meta.url));

export function minimalFiles(): KnowledgeFileText[] {
  return readKnowledgeDir(MINIMAL_KB_DIR).files;
}

/** Applies edits to the minimal fixture: each replaces one file's text via a function. */
export function compileEdited(edits: Record<string, (text: string) => string>) {
  const files = minimalFiles().map((f) => {
    const edit = edits[f.path];
    return edit ? { ...f, text: edit(f.text) } : f;
  });
  for (const [path, edit] of Object.entries(edits)) if (!files.some((f) => f.path === path)) files.push({ path, text: edit('') });
  return compileKnowledge(files, 'sha256:test', validateKnowledge);
}
