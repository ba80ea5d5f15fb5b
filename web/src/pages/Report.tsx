import { useEffect, useState } from 'react';
import { api, download, type KnowledgeSummary, type ScreeningResult } from '../api.ts';
import { GradeBadge, GradeLegend } from '../components/GradeBadge.tsx';
import { labelOf, useKnowledge } from '../knowledge.ts';
import { href } from '../router.ts';
import { useData } from '../store.ts';
import { factInWords, type VocabLabel } from '../../../src/core/report/fact-words.ts';
import { sourceName } from '../../../src/core/report/source-name.ts';
import { actionInWords, dateInWords, provisionalDateWords } from '../../../src/core/report/wording.ts';
import { textOf } from '../../../src/core/common/text.ts';
import './report.css';

type Finding = ScreeningResult['findings'][number];
type Verdict = ScreeningResult['verdict'];

// ---------------------------------------------------------------------------------------------------------------
// Words

function verdictLabel(kb: KnowledgeSummary | null, v: Verdict): string {
  const fromKb = kb?.verdicts.find((x) => x.id === v)?.label;
  if (fromKb) return fromKb;
  const s = v.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Labels for the answers a finding used; vocabularies the summary does not carry show the id in words. */
function vocabLabel(kb: KnowledgeSummary | null): VocabLabel {
  return (vocab, id) => (kb && vocab in kb.vocabulary ? labelOf(kb, vocab as keyof KnowledgeSummary['vocabulary'], id) : id.replace(/_/g, ' '));
}

// ---------------------------------------------------------------------------------------------------------------
// Pieces

/** The verdict's shape, so it never rests on colour: check, triangle, clock, stop sign. */
function VerdictIcon({ verdict, size = 48 }: { verdict: Verdict; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 48 48', 'aria-hidden': true, focusable: false, className: 'verdict-icon' } as const;
  switch (verdict) {
    case 'proceed':
      return (
        <svg {...common}>
          <circle cx="24" cy="24" r="23" fill="currentColor" />
          <path d="M13 25l7 7 15-16" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case 'proceed_with_precautions':
      return (
        <svg {...common}>
          <path d="M24 2 47 45H1Z" fill="currentColor" strokeLinejoin="round" />
          <rect x="21.5" y="16" width="5" height="16" rx="2.5" fill="#fff" />
          <circle cx="24" cy="38.5" r="3" fill="#fff" />
        </svg>
      );
    case 'defer':
      return (
        <svg {...common}>
          <circle cx="24" cy="24" r="23" fill="currentColor" />
          <circle cx="24" cy="24" r="17" fill="none" stroke="#fff" strokeWidth="3" />
          <path d="M24 12v12l8 6" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case 'do_not_treat':
      return (
        <svg {...common}>
          <path d="M15 1h18l14 14v18L33 47H15L1 33V15Z" fill="currentColor" />
          <rect x="10" y="20.5" width="28" height="7" rx="1.5" fill="#fff" />
        </svg>
      );
  }
}

function effectInWords(kb: KnowledgeSummary | null, f: Finding): string {
  return f.status === 'applies'
    ? `This sets the answer to: ${verdictLabel(kb, f.severity)}`
    : `Needs your answer. Until then: ${verdictLabel(kb, f.severity)}`;
}

function Answer({ fact, value, kb }: { fact: string; value: Finding['inputs'][string]; kb: KnowledgeSummary }) {
  const w = factInWords(kb, fact, value, vocabLabel(kb));
  return <li>{w.label}: <strong>{w.value}</strong></li>;
}

function FindingDetails({ f, r, kb }: { f: Finding; r: ScreeningResult; kb: KnowledgeSummary }) {
  const zones = f.zones?.map((z) => labelOf(kb, 'zones', z)).join(', ');
  const inputs = Object.entries(f.inputs);
  return (
    <details className={`finding finding-${f.severity}`}>
      <summary>
        <span className="finding-title">{f.title}</span>
        {zones && <span className="finding-zones">Where: {zones}</span>}
        <span className="finding-effect">
          <VerdictIcon verdict={f.severity} size={20} />
          <span>{effectInWords(kb, f)}</span>
        </span>
      </summary>
      <div className="finding-body">
        {f.question && (
          <>
            <h3>Question to answer</h3>
            <p>{f.question}</p>
          </>
        )}
        <h3>Why</h3>
        <p>{f.forPerson}</p>
        <h3>What to do</h3>
        <p>{actionInWords(kb, f)}</p>
        <h3>For your practitioner</h3>
        <p>{f.forPractitioner}</p>
        {inputs.length > 0 && (
          <>
            <h3>What it used from your answers</h3>
            <ul className="inputs">
              {inputs.map(([k, v]) => (
                <Answer key={k} fact={k} value={v} kb={kb} />
              ))}
            </ul>
          </>
        )}
        {f.sources.length > 0 && (
          <>
            <h3>Sources</h3>
            <ul className="sources">
              {f.sources.map((s) => (
                <li key={s.id}>
                  <GradeBadge grade={s.grade} type={kb.sources[s.id]?.type ?? r.sources[s.id]?.type} />{' '}
                  {kb.sources[s.id]?.citation ?? r.sources[s.id]?.citation ?? sourceName(s.id)}
                  {s.note && <span className="source-note"> Supports: {s.note}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {f.expertConsensus && (
          <div className="note-box note-consensus">
            <h3>Expert consensus</h3>
            <p>{f.expertConsensus}</p>
          </div>
        )}
        {f.conflicts.map((id) => {
          const c = r.conflicts[id];
          if (!c) return null;
          return (
            <div className="note-box note-disagree" key={id}>
              <h3>Sources disagree: {c.topic}</h3>
              <ul>
                {c.positions.map((p) => (
                  <li key={p.summary}>
                    {p.summary}
                    <div className="position-sources">
                      <span className="position-sources-label">{p.sources.length === 1 ? 'Source:' : 'Sources:'}</span>
                      <ul>
                        {p.sources.map((sid) => {
                          const source = kb.sources[sid] ?? r.sources[sid];
                          return (
                            <li key={sid} title={source?.citation}>
                              {sourceName(sid, source)}{source && <> <GradeBadge grade={source.grade} type={source.type} /></>}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  </li>
                ))}
              </ul>
              <p><strong>What Primum does:</strong> {c.resolution}</p>
            </div>
          );
        })}
        <h3>Limits</h3>
        <p>{f.limits}</p>
        <p className="rule-id">Rule {f.ruleId}, version {f.ruleVersion}</p>
      </div>
    </details>
  );
}

/** Opens every closed <details> while printing (so the paper copy shows everything) and closes them again after. */
function usePrintExpandsDetails(): void {
  useEffect(() => {
    // A set, so that a second beforeprint (some browsers send one per print preview) keeps the first ones.
    const opened = new Set<HTMLDetailsElement>();
    const before = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('main details:not([open])')) {
        d.open = true;
        opened.add(d);
      }
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened.clear();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}

// ---------------------------------------------------------------------------------------------------------------
// The page

export default function Report(_props: { step?: string }) {
  const [data] = useData();
  const kb = useKnowledge();
  const [pdf, setPdf] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  usePrintExpandsDetails();
  const saved = data.screening;

  if (!saved) {
    return (
      <article className="report">
        <h1>Your screening report</h1>
        <p className="lead">There is no screening report in this browser yet.</p>
        <p>Your report appears here after you answer the questions about a planned treatment. It takes a few minutes,
          and your answers stay in this browser.</p>
        <p><a className="button" href={href('screen')}>Check a planned treatment</a></p>
      </article>
    );
  }

  // The report's words come from the knowledge (loaded once, at start).
  if (!kb) return <p aria-live="polite">Loading…</p>;
  const r = saved.result;
  const label = verdictLabel(kb, r.verdict);
  const deferNoDate = r.verdict === 'defer' && !r.earliestDate;

  const downloadPdf = async () => {
    setPdf('busy');
    const blob = await api.reportPdf(saved.request);
    if (blob) {
      download(blob, 'primum-screening-report.pdf');
      setPdf('done');
    } else setPdf('error');
  };

  return (
    <article className="report">
      <h1>Your screening report</h1>
      <p className="report-date">Made on {dateInWords(kb, r.stamp.evaluatedAt)}.</p>

      <section className={`verdict verdict-${r.verdict}`} role="status" aria-labelledby="verdict-label">
        <VerdictIcon verdict={r.verdict} />
        <div className="verdict-text">
          <p className="verdict-label" id="verdict-label">
            <span className="verdict-kicker">The answer:</span> {label}
          </p>
          <p className="verdict-words">{r.summary}</p>
          {r.verdict === 'defer' && r.earliestDate && (
            <p className="verdict-date">{textOf(kb, 'action_not_before', { date: dateInWords(kb, r.earliestDate) })}</p>
          )}
          {r.verdict === 'defer' && r.earliestDate && r.earliestDateProvisional && <p>{provisionalDateWords(kb)}</p>}
          {deferNoDate && (
            <>
              <p className="verdict-date">No date can be given yet. First:</p>
              <ul className="verdict-first">
                {r.mustChange.map((m) => <li key={m}>{m}</li>)}
              </ul>
            </>
          )}
        </div>
      </section>

      {r.mustChange.length > 0 && !deferNoDate && (
        <section aria-labelledby="must-change">
          <h2 id="must-change">What must change</h2>
          <ul className="plain-list">
            {r.mustChange.map((m) => <li key={m}>{m}</li>)}
          </ul>
        </section>
      )}

      {r.questions.length > 0 && (
        <section aria-labelledby="questions">
          <h2 id="questions">Questions that could change the answer ({r.questionsRemaining})</h2>
          <p>Most important first. Ask yourself, or your doctor:</p>
          <ul className="plain-list">
            {r.questions.map((q) => (
              <li key={q.ruleId + q.question}>
                {q.question} <span className="hint">Why it matters: {q.why}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.unchecked.conditions.length + r.unchecked.medicines.length > 0 && (
        <section aria-labelledby="unchecked">
          <h2 id="unchecked">What Primum could not check</h2>
          <p>Show these to your practitioner: Primum keeps them but cannot look them up.</p>
          <ul className="plain-list">
            {[...r.unchecked.conditions, ...r.unchecked.medicines].map((t) => <li key={t}>{t}</li>)}
          </ul>
        </section>
      )}

      <section aria-labelledby="findings">
        <h2 id="findings">What Primum found</h2>
        {r.findings.length === 0 ? (
          <p>No rule raised a concern for this plan.</p>
        ) : (
          <>
            <p>
              {r.findings.length === 1 ? 'One thing' : `${r.findings.length} things`} to know.
              <span className="no-print"> Open each one to see why, what to do, and the sources it rests on.</span>
            </p>
            <div className="findings">
              {r.findings.map((f) => <FindingDetails key={f.ruleId} f={f} r={r} kb={kb} />)}
            </div>
            <GradeLegend />
          </>
        )}
      </section>

      {r.alternatives.length > 0 && (
        <section aria-labelledby="alternatives">
          <h2 id="alternatives">Other options</h2>
          <ul className="plain-list">
            {r.alternatives.map((a) => <li key={a}>{a}</li>)}
          </ul>
        </section>
      )}

      <div className="actions report-actions">
        <button type="button" onClick={() => window.print()}>Print</button>
        <button type="button" className="secondary" onClick={() => void downloadPdf()} disabled={pdf === 'busy'} aria-busy={pdf === 'busy'}>
          Download PDF
        </button>
        <a className="button secondary" href={href('aftercare')}>Get your aftercare plan</a>
        <a className="button secondary" href={href('screen')}>Start again</a>
      </div>
      <div aria-live="polite" className="no-print">
        {pdf === 'busy' && <p className="hint">Making your PDF…</p>}
        {pdf === 'done' && <p className="hint">Your PDF has been downloaded (primum-screening-report.pdf).</p>}
      </div>
      {pdf === 'error' && (
        <p className="notice notice-error no-print" role="alert">
          The PDF could not be made just now. You can use Print instead and choose “Save as PDF”.
        </p>
      )}

      <section aria-labelledby="about" className="about">
        <h2 id="about">About this report</h2>
        {r.notices.review && <p className="notice notice-review">{r.notices.review}</p>}
        <p>{r.notices.intendedUse}</p>
        <p className="emergency-note"><strong>{r.notices.emergency}</strong></p>
        <p className="stamp">
          Knowledge version {r.stamp.knowledgeVersion} ({r.stamp.clinicalReview}) · engine version {r.stamp.engineVersion} ·
          knowledge fingerprint <code>{r.stamp.knowledgeHash}</code>
        </p>
      </section>
    </article>
  );
}
