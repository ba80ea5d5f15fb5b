import type { Command } from 'commander';
import { toYaml } from '../../core/common/yaml.js';
import { knowledgeStats, showEntry } from '../../core/knowledge/inspect.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../knowledge/fs-knowledge.js';

type Out = (s: string) => void;

export function registerKb(program: Command, out: Out, err: Out, setExit: (code: number) => void): void {
  const kb = program.command('kb').description('inspect and validate the clinical knowledge base');
  kb.command('validate')
    .description('check every knowledge file; exit 1 and list each problem as file: path: message')
    .option('--dir <path>', 'knowledge folder', DEFAULT_KNOWLEDGE_DIR)
    .action((o: { dir: string }) => {
      const r = loadKnowledge(o.dir);
      for (const i of r.issues) err(`${i.file}: ${i.path}: ${i.message}`);
      if (r.ok) out(`knowledge ${r.knowledge.version} (${r.knowledge.hash}) is valid: ${r.knowledge.scenarios.length} scenarios pass`);
      else {
        err(`${r.issues.length} problem(s) found`);
        setExit(1);
      }
    });
  kb.command('stats')
    .description('counts by kind and the share of rules with a source graded C or better, or R')
    .option('--dir <path>', 'knowledge folder', DEFAULT_KNOWLEDGE_DIR)
    .option('--json', 'print JSON')
    .action((o: { dir: string; json?: boolean }) => {
      const s = knowledgeStats(loadKnowledge(o.dir).knowledge);
      if (o.json) out(JSON.stringify(s, null, 2));
      else {
        out(`knowledge ${s.version} ${s.hash}\nclinical review: ${s.clinicalReview}`);
        for (const [k, v] of Object.entries(s.counts)) out(`  ${k.padEnd(18)} ${v}`);
        out(`  rules with a source graded A/B/C/R: ${(s.shareRulesWithStrongSource * 100).toFixed(1)}%`);
      }
    });
  kb.command('show <id>')
    .description('print one entry with everything that references it')
    .option('--dir <path>', 'knowledge folder', DEFAULT_KNOWLEDGE_DIR)
    .option('--json', 'print JSON')
    .action((id: string, o: { dir: string; json?: boolean }) => {
      const views = showEntry(loadKnowledge(o.dir).knowledge, id);
      if (views.length === 0) {
        err(`no knowledge entry has the id '${id}'`);
        setExit(1);
        return;
      }
      if (o.json) {
        out(JSON.stringify(views, null, 2));
        return;
      }
      for (const v of views) {
        out(`# ${v.kind}: ${id}${v.file ? `  (${v.file})` : ''}`);
        out(toYaml(v.entry).trimEnd());
        out(`# referenced by (${v.referencedBy.length}):`);
        for (const r of v.referencedBy) out(`  - ${r.kind}: ${r.id}`);
      }
    });
}
