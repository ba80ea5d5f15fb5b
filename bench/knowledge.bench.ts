import { performance } from 'node:perf_hooks';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeDir } from '../src/adapters/knowledge/fs-knowledge.js';
import { compileKnowledge } from '../src/core/knowledge/compile.js';
import { validateKnowledge } from '../src/core/knowledge/validate.js';
import type { BenchResult } from './run.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Load (read + hash) and compile the shipped knowledge base; also the full validation with scenarios. */
export function benchKnowledge(): BenchResult[] {
  const load: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < 15; i += 1) {
    const t0 = performance.now();
    const { files, hash } = readKnowledgeDir(DEFAULT_KNOWLEDGE_DIR);
    compileKnowledge(files, hash, () => []);
    const t1 = performance.now();
    compileKnowledge(files, hash, validateKnowledge);
    const t2 = performance.now();
    load.push(t1 - t0);
    validate.push(t2 - t1);
  }
  const l = median(load);
  return [
    { name: 'knowledge load + compile (median of 15)', value: `${l.toFixed(1)} ms`, target: '< 300 ms', pass: l < 300,
      detail: 'reads every YAML file, hashes it (SHA-256), parses with zod, builds the frozen indexed bundle; the first run includes module warm-up' },
    { name: 'knowledge full validation incl. scenarios (median of 15)', value: `${median(validate).toFixed(1)} ms`, target: 'informational', pass: true },
  ];
}
