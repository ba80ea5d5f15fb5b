import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AftercarePlan } from '../../core/aftercare/engine.js';
import { aftercareCalendar } from '../../core/aftercare/ics.js';
import type { TriageResult } from '../../core/triage/engine.js';
import type { Result } from '../../service/result.js';
import { createAfterTreatmentService } from '../../service/after-treatment.service.js';
import { loadConfig } from '../config.js';
import { loadValidKnowledge } from '../knowledge/fs-knowledge.js';
import { cannotWrite, readJsonArg, reportFailure, wrap } from './io.js';

type Out = (s: string) => void;
const OFFSET = /([+-]\d{2}:\d{2})$/;

/**
 * A timestamp for a reader: the instant in UTC, and the local time as given when it carried another offset,
 * e.g. "2026-11-21 23:00 UTC (as given: 2026-11-22 08:00 +09:00)".
 */
export function when(iso: string | null): string {
  if (!iso) return 'no end date';
  const utc = `${new Date(Date.parse(iso)).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const offset = OFFSET.exec(iso)?.[1];
  return offset && offset !== '+00:00' && offset !== '-00:00' ? `${utc} (as given: ${iso.slice(0, 16).replace('T', ' ')} ${offset})` : utc;
}

/** A readable aftercare plan: the rules with their windows, then each day. */
export function formatAftercare(p: AftercarePlan): string {
  const out: string[] = [p.notices.emergency, '', `Aftercare plan for the treatment of ${when(p.treatedAt)}`, ''];
  const rule = (id: string) => p.instructions.find((i) => i.ruleId === id);
  for (const type of ['avoid', 'do'] as const) {
    out.push(type === 'avoid' ? 'Avoid:' : 'Do:');
    for (const i of p.instructions.filter((x) => x.type === type)) {
      const min = i.minimumUntil ? ` (at the very least until ${when(i.minimumUntil)})` : '';
      const from = Date.parse(i.from) !== Date.parse(p.treatedAt) ? ` from ${when(i.from)}` : '';
      const until = i.until ? ` until ${when(i.until)}${min}${i.untilNote ? `, ${i.untilNote}` : ''}` : i.untilNote ? ` ${i.untilNote}` : '';
      out.push(wrap(`- ${i.title}${from || until ? `:${from}${until}` : ''}.`, 92));
      for (const why of i.personalised) out.push(wrap(`Personalised: ${why}`, 92, '    '));
      for (const c of i.conflicts) {
        const cf = p.conflicts[c];
        if (cf) out.push(wrap(`Sources disagree (${cf.topic}): ${cf.resolution}`, 92, '    '));
      }
    }
    out.push('');
  }
  out.push('Day by day:');
  for (const d of p.days) {
    out.push(`Day ${d.day} (${d.date})${d.checkIn ? ` — ${d.checkIn.label}` : ''}`);
    if (d.normal.length) out.push(wrap(`Normal now: ${d.normal.map((n) => n.label.toLowerCase()).join('; ')}.`, 92, '    '));
    if (d.ends.length) out.push(wrap(`Ends today: ${d.ends.map((id) => rule(id)?.title ?? id).join('; ')}.`, 92, '    '));
  }
  out.push('', 'Next session:');
  out.push(p.nextSession.earliestDate ? `  Not before ${p.nextSession.earliestDate}.` : '  No date until a clinician has reviewed you.');
  out.push('', 'Safety net — get help if:');
  for (const s of p.safetyNet) out.push(wrap(`- ${s.label} (${s.timeFrame}): ${s.signs.map((x) => x.label.toLowerCase()).join('; ')}.`, 92));
  out.push('', wrap(p.notices.intendedUse, 92));
  if (p.notices.review) out.push(wrap(p.notices.review, 92));
  out.push(`Engine ${p.stamp.engineVersion}, knowledge ${p.stamp.knowledgeVersion} (${p.stamp.knowledgeHash.slice(0, 19)}…)`);
  return out.join('\n');
}

/** A readable check-in result. */
export function formatTriage(r: TriageResult): string {
  const out: string[] = [r.notices.emergency, ''];
  out.push(`${r.levelInfo.label.toUpperCase()} (${r.levelInfo.timeFrame})`, wrap(r.levelInfo.words, 92, '  '), '');
  out.push(`Day ${r.day} after treatment (${r.hoursSinceTreatment} h${r.window ? `, ${r.window.label}` : ''}).`);
  if (r.notFromTreatment.length) {
    out.push('', 'Not caused by microneedling — act on it now:');
    for (const n of r.notFromTreatment) out.push(wrap(`- ${n.title}: ${n.advice}`, 92));
  }
  out.push('', 'What to do:');
  for (const a of r.advice) out.push(wrap(`- ${a}`, 92));
  if (r.unexplained.length) {
    out.push('', 'Not explained as normal healing for this day:');
    for (const u of r.unexplained) out.push(wrap(`- ${u.label}: ${u.note}`, 92));
  }
  if (r.likelyExplanations.length) {
    out.push('', 'Likely explanation:');
    for (const e of r.likelyExplanations) out.push(wrap(`- ${e.label} (${e.kind === 'expected' ? 'expected healing' : 'complication'}): ${e.why.join('; ')}`, 92));
  }
  if (r.questions.length) {
    out.push('', 'Please also answer:');
    for (const q of r.questions) out.push(wrap(`- ${q.question}`, 92));
  }
  out.push('', 'Rules applied:');
  for (const f of r.findings.filter((x) => x.status === 'applies')) {
    out.push(wrap(`- ${f.title} -> ${f.level} [${f.ruleId}] sources: ${f.sources.map((s) => `${s.id} (${s.grade})`).join(', ')}`, 92));
  }
  if (r.nextCheckIn) out.push('', wrap(`Next check-in: ${when(r.nextCheckIn.at)}. ${r.nextCheckIn.reason}`, 92));
  else if (r.level === 'emergency_department' || r.level === 'call_emergency_number') {
    out.push('', 'Get emergency help first; check in again after you have been seen.');
  }
  out.push('', 'Safety net — get help if:');
  for (const s of r.safetyNet) out.push(wrap(`- ${s.label} (${s.timeFrame}): ${s.signs.map((x) => x.label.toLowerCase()).join('; ')}.`, 92));
  if (r.notices.review) out.push('', wrap(r.notices.review, 92));
  return out.join('\n');
}

/** Reads the input and runs one service call; a failure is reported (as JSON too with --json) with exit code 2. */
function run<T>(file: string, json: boolean | undefined, out: Out, err: Out, setExit: (c: number) => void, fn: (raw: unknown) => Result<T>): T | undefined {
  const raw = readJsonArg(file);
  if (!raw.ok) return void reportFailure(raw, json, out, err, setExit);
  const r = fn(raw.value);
  if (!r.ok) return void reportFailure({ ok: false, error: 'invalid_request', issues: r.issues }, json, out, err, setExit);
  return r.value;
}

export function registerAfterTreatment(program: Command, out: Out, err: Out, setExit: (c: number) => void): void {
  const service = () => {
    const kb = loadValidKnowledge(loadConfig(process.env).knowledgeDir);
    return { kb, ...createAfterTreatmentService(kb, () => new Date().toISOString()) };
  };
  program
    .command('aftercare <file>')
    .description('a personal day-by-day aftercare plan for a treatment (file or - for stdin); exit 2 on invalid input')
    .option('--json', 'print the machine-readable plan')
    .option('--ics <out>', 'also write the plan as an iCalendar (.ics) file')
    .action((file: string, o: { json?: boolean; ics?: string }) => {
      const svc = service();
      const plan = run(file, o.json, out, err, setExit, (raw) => svc.plan(raw));
      if (!plan) return;
      if (o.ics) {
        // The calendar of the plan just made: the input is read once (standard input cannot be read twice).
        try {
          writeFileSync(o.ics, aftercareCalendar(svc.kb, plan, { now: plan.stamp.evaluatedAt }));
        } catch (e) {
          return reportFailure(cannotWrite(o.ics, e), o.json, out, err, setExit, 1);
        }
        err(`wrote ${o.ics}`);
      }
      out(o.json ? JSON.stringify(plan, null, 2) : formatAftercare(plan));
    });
  program
    .command('triage <file>')
    .description('is this normal? a day-aware check-in (file or - for stdin); exit 2 on invalid input')
    .option('--json', 'print the machine-readable result')
    .action((file: string, o: { json?: boolean }) => {
      const svc = service();
      const r = run(file, o.json, out, err, setExit, (raw) => svc.triage(raw));
      if (r) out(o.json ? JSON.stringify(r, null, 2) : formatTriage(r));
    });
}
