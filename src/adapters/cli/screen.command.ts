import type { Command } from 'commander';
import type { Knowledge } from '../../core/knowledge/compile.js';
import { sourceName } from '../../core/report/source-name.js';
import { gradeInWords, provisionalDateWords } from '../../core/report/wording.js';
import type { ScreeningResult } from '../../core/screening/engine.js';
import { createScreeningService } from '../../service/screening.service.js';
import { loadConfig } from '../config.js';
import { loadValidKnowledge } from '../knowledge/fs-knowledge.js';
import { readJsonArg, reportFailure, wrap } from './io.js';

const VERDICT_TEXT: Record<ScreeningResult['verdict'], string> = {
  proceed: 'PROCEED',
  proceed_with_precautions: 'PROCEED WITH PRECAUTIONS',
  defer: 'DEFER',
  do_not_treat: 'DO NOT TREAT',
};

/** A readable report for a person in a terminal, in the knowledge's words (zone labels, grades, source names). */
export function formatScreening(r: ScreeningResult, kb: Knowledge): string {
  const label = (id: string) => kb.zones.find((z) => z.id === id)?.label ?? id;
  const out: string[] = [];
  out.push(r.notices.emergency, '');
  out.push(`Verdict: ${VERDICT_TEXT[r.verdict]}`, wrap(r.summary, 88, '  '));
  if (r.earliestDate) out.push(`  Earliest date: ${r.earliestDate}${r.earliestDateProvisional ? ` (${provisionalDateWords(kb)})` : ''}`);
  if (r.mustChange.length) {
    out.push('', 'What must change first:');
    for (const m of r.mustChange) out.push(wrap(`- ${m}`, 88, '  '));
  }
  const needed = r.clearances.filter((c) => c.clearance.state.status === 'needed');
  if (needed.length) {
    out.push('', 'Who must clear it first:');
    for (const c of needed) out.push(wrap(`- ${c.clearance.who}: ${c.clearance.why}`, 88, '  '));
  }
  if (r.questions.length) {
    out.push('', `Questions that could change the answer (${r.questionsRemaining}), most important first:`);
    for (const q of r.questions) out.push(wrap(`- ${q.question} (${q.why})`, 88, '  '));
  }
  const unchecked = [...r.unchecked.conditions, ...r.unchecked.medicines];
  if (unchecked.length) out.push('', wrap(`Primum could not check: ${unchecked.map((t) => `"${t}"`).join(', ')}. Ask your practitioner.`, 88));
  const applies = r.findings.filter((f) => f.status === 'applies');
  if (applies.length) {
    out.push('', 'Findings:');
    for (const f of applies) {
      out.push(wrap(`- ${f.title}${f.zones ? ` (${f.zones.map(label).join(', ')})` : ''}`, 88, '  '));
      out.push(wrap(`Effect on the answer: ${VERDICT_TEXT[f.severity].toLowerCase()}`, 88, '    '));
      out.push(wrap(f.forPerson, 88, '    '));
      const srcs = f.sources.map((s) => {
        const source = kb.sourcesById.get(s.id) ?? r.sources[s.id];
        return `${sourceName(s.id, source)} (grade ${s.grade}, ${gradeInWords(kb, s.grade, source?.type).short})`;
      }).join('; ');
      out.push(wrap(`Sources: ${srcs}${f.expertConsensus ? '; expert consensus' : ''}`, 88, '    '));
      out.push(`    Rule: ${f.ruleId} v${f.ruleVersion}`);
      for (const id of f.conflicts) {
        const c = r.conflicts[id];
        if (c) out.push(wrap(`Sources disagree (${c.topic}): ${c.resolution}`, 88, '    '));
      }
    }
  }
  if (r.alternatives.length) {
    out.push('', 'Alternatives:');
    for (const a of r.alternatives) out.push(wrap(`- ${a}`, 88, '  '));
  }
  out.push('', wrap(r.notices.intendedUse, 88));
  if (r.notices.review) out.push(wrap(r.notices.review, 88));
  out.push(`Engine ${r.stamp.engineVersion}, knowledge ${r.stamp.knowledgeVersion} (${r.stamp.knowledgeHash.slice(0, 19)}…), evaluated ${r.stamp.evaluatedAt}`);
  return out.join('\n');
}

export function registerScreen(program: Command, out: (s: string) => void, err: (s: string) => void, setExit: (c: number) => void): void {
  program
    .command('screen <file>')
    .description('screen a person x plan x setting before treatment (file or - for stdin); exit 2 on invalid input')
    .option('--json', 'print the machine-readable result')
    .action((file: string, o: { json?: boolean }) => {
      const raw = readJsonArg(file);
      if (!raw.ok) return reportFailure(raw, o.json, out, err, setExit);
      const kb = loadValidKnowledge(loadConfig(process.env).knowledgeDir);
      const r = createScreeningService(kb, () => new Date().toISOString()).screen(raw.value);
      if (!r.ok) return reportFailure({ ok: false, error: 'invalid_request', issues: r.issues }, o.json, out, err, setExit);
      out(o.json ? JSON.stringify(r.value, null, 2) : formatScreening(r.value, kb));
    });
}
