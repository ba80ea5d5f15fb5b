// Step 3 of a check-in: the result, and the emergency screen.
import type { KnowledgeSummary } from '../../api.ts';
import { hasChartData, RecoveryChart } from '../../components/RecoveryChart.tsx';
import { labelOf } from '../../knowledge.ts';
import { href } from '../../router.ts';
import type { SavedCheckIn } from '../../store.ts';
import { ConflictBoxes, dateTime, isEmergency, LevelIcon, SafetyNet, shortDate, SourceList } from './shared.tsx';

function LevelBox({ c }: { c: SavedCheckIn }) {
  const r = c.result;
  return (
    <div role="status" className={`ci-level level-${r.level}`}>
      <h2 className="ci-level-label">
        <LevelIcon level={r.level} />
        <span>{r.levelInfo.label}</span>
      </h2>
      <p className="ci-level-time">
        <strong>When:</strong> {r.levelInfo.timeFrame}
      </p>
      <p>{r.levelInfo.words}</p>
    </div>
  );
}

const ago = (hours: number): string =>
  hours < 1 ? 'less than an hour ago' : hours < 48 ? `${Math.round(hours)} hours ago` : `${Math.floor(hours / 24)} days ago`;

export function CheckInResult({
  c,
  kb,
  chartCheckIns,
  onNew,
}: {
  c: SavedCheckIn;
  kb: KnowledgeSummary | null;
  chartCheckIns: readonly SavedCheckIn[];
  /** Starts a new check-in; `keepAnswers` keeps this one's answers to change them. */
  onNew: (keepAnswers: boolean) => void;
}) {
  const r = c.result;
  const levelLabel = (id: string) => kb?.levels.find((l) => l.id === id)?.label ?? id;
  const applies = r.findings.filter((f) => f.status === 'applies');
  const asks = r.findings.filter((f) => f.status === 'needs_answer');
  return (
    <div className="ci-result">
      <p className="ci-when">
        Your check-in on {dateTime(c.at)}: day {r.day} after your treatment{r.window ? ` (${r.window.label})` : ''}.
      </p>
      <LevelBox c={c} />

      <section aria-labelledby="advice-h">
        <h2 id="advice-h">What to do</h2>
        <ul>
          {r.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>

      {r.notFromTreatment.length > 0 && (
        <section aria-labelledby="nft-h" className="ci-nft">
          <h2 id="nft-h">Not caused by microneedling</h2>
          <p>Primum will not put these down to your treatment. They need help in their own right.</p>
          <ul>
            {r.notFromTreatment.map((n) => (
              <li key={n.ruleId}>
                <strong>{n.title}.</strong> {n.advice}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="why-h">
        <h2 id="why-h">What this most likely is</h2>
        {r.likelyExplanations.length === 0 ? (
          <p>Primum could not match what you told it to a known effect of the treatment. Follow the advice above.</p>
        ) : (
          <ul className="ci-explanations">
            {r.likelyExplanations.map((e) => (
              <li key={e.effectId} className={`ci-explanation ci-${e.kind}`}>
                <span className={`after-tag ci-tag-${e.kind}`}>
                  <span aria-hidden="true">{e.kind === 'expected' ? '✓ ' : '! '}</span>
                  {e.kind === 'expected' ? 'Part of normal healing' : 'A possible complication'}
                </span>{' '}
                <strong>{e.label}</strong>
                <span className="after-block hint">Why: {e.why.join('; ')}.</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {r.unexplained.length > 0 && (
        <section aria-labelledby="unexplained-h" className="ci-unexplained">
          <h2 id="unexplained-h">Not explained as normal healing</h2>
          <p>Primum has no rule that counts these as normal for this day, so it does not call them normal.</p>
          <ul>
            {r.unexplained.map((u) => (
              <li key={u.symptomId}>
                <strong>{u.label}.</strong> {u.note}
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.questions.length > 0 && (
        <section aria-labelledby="q-h" className="ci-questions">
          <h2 id="q-h">Questions still to answer</h2>
          <p>Answering these could change the result.</p>
          <ul>
            {r.questions.map((q) => (
              <li key={`${q.symptomId}:${q.question}`}>{q.question}</li>
            ))}
          </ul>
          <p>
            <button type="button" className="after-linklike" onClick={() => onNew(true)}>
              Check in again with these answers
            </button>
          </p>
        </section>
      )}

      <section aria-labelledby="next-ci-h">
        <h2 id="next-ci-h">Your next check-in</h2>
        {r.nextCheckIn ? (
          <p>
            <strong>{dateTime(r.nextCheckIn.at)}</strong>. {r.nextCheckIn.reason}
          </p>
        ) : isEmergency(r.level) ? (
          <p>Get emergency help first. Check in again after you have been seen.</p>
        ) : (
          <p>No more check-ins are planned. Check in again at any time if something worries you.</p>
        )}
      </section>

      {hasChartData(chartCheckIns) && <RecoveryChart checkIns={chartCheckIns} kb={kb} />}

      <SafetyNet items={r.safetyNet} />

      <section aria-labelledby="how-h">
        <h2 id="how-h">How Primum worked this out</h2>
        {r.findings.length === 0 ? (
          <p>No rule in Primum&apos;s knowledge matched what you told it.</p>
        ) : (
          <>
            <p>
              {applies.length} {applies.length === 1 ? 'finding applies' : 'findings apply'}
              {asks.length > 0 && `, and ${asks.length} need${asks.length === 1 ? 's' : ''} an answer`}. Open each one to see why, and its
              sources.
            </p>
            <ul className="ci-findings">
              {r.findings.map((f) => (
                <li key={f.ruleId}>
                  <details className="after-details">
                    <summary>
                      {f.title}{' '}
                      <span className="hint">
                        ({f.status === 'applies' ? 'applies' : 'needs an answer'}: {levelLabel(f.level).toLowerCase()})
                      </span>
                    </summary>
                    <p>{f.advice}</p>
                    {f.expertConsensus && (
                      <p>
                        <strong>Expert consensus:</strong> {f.expertConsensus}
                      </p>
                    )}
                    <p className="hint">
                      <strong>Limits:</strong> {f.limits}
                    </p>
                    <ConflictBoxes ids={f.conflicts} conflicts={r.conflicts} />
                    <SourceList refs={f.sources} sources={r.sources} />
                  </details>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {r.notices.review && <p className="notice notice-info">{r.notices.review}</p>}
      <p className="hint">
        Worked out with Primum&apos;s knowledge version {r.stamp.knowledgeVersion} ({r.stamp.clinicalReview}). {r.notices.intendedUse}
      </p>
      <div className="actions">
        <a className="button" href={href('aftercare')}>
          Back to your aftercare plan
        </a>
        <button type="button" className="secondary" onClick={() => onNew(false)}>
          Start a new check-in
        </button>
      </div>
    </div>
  );
}

export function EmergencyScreen({ c, kb, onMistake }: { c: SavedCheckIn; kb: KnowledgeSummary | null; onMistake: () => void }) {
  const r = c.result;
  const req = c.request as {
    treatment?: { treatedAt?: string; device?: string; zones?: { zone: string }[]; numbingCream?: boolean | 'unknown' };
    redFlags?: Record<string, string>;
  };
  const yes = Object.entries(req.redFlags ?? {})
    .filter(([, v]) => v === 'yes')
    .map(([id]) => kb?.vocabulary.symptoms.find((s) => s.id === id)?.label.toLowerCase() ?? id);
  const t = req.treatment;
  const zones = (t?.zones ?? []).map((z) => labelOf(kb, 'zones', z.zone).toLowerCase());
  const reasons = r.findings.filter((f) => f.status === 'applies' && f.level === r.level);
  // Only what to do now: the advice of the findings that set this level (not "answer the other questions").
  const todo = [...new Set(reasons.map((f) => f.advice))];
  const advice = todo.length > 0 ? todo : r.advice;
  return (
    <article className={`emg level-${r.level}`}>
      <h1 className="emg-title">
        <LevelIcon level={r.level} />
        <span>{r.levelInfo.label}</span>
      </h1>
      <p className="emg-words">{r.levelInfo.words}</p>

      <section aria-labelledby="emg-do">
        <h2 id="emg-do">What to do</h2>
        <ul>
          {advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="emg-say">
        <h2 id="emg-say">What to say</h2>
        <blockquote className="emg-quote">
          <p>
            &ldquo;I had a microneedling treatment {ago(r.hoursSinceTreatment)}
            {t?.treatedAt ? `, on ${shortDate(t.treatedAt)}` : ''}
            {t?.device ? `, with a ${labelOf(kb, 'devices', t.device).toLowerCase()}` : ''}
            {zones.length > 0 ? `, on my ${zones.join(', ')}` : ''}.
            {t?.numbingCream === true ? ' A numbing cream was used.' : ''}
            {yes.length > 0 ? ` Now I have: ${yes.join('; ')}.` : ''}&rdquo;
          </p>
        </blockquote>
      </section>

      <section aria-labelledby="emg-why">
        <h2 id="emg-why">Why Primum says this</h2>
        <ul>
          {reasons.map((f) => (
            <li key={f.ruleId}>{f.title}</li>
          ))}
          {r.likelyExplanations
            .filter((e) => e.kind === 'complication')
            .map((e) => (
              <li key={e.effectId}>This could be: {e.label}.</li>
            ))}
        </ul>
        {r.notFromTreatment.length > 0 && (
          <div className="ci-nft">
            <p>
              <strong>Not caused by microneedling:</strong> these need emergency help in their own right.
            </p>
            <ul>
              {r.notFromTreatment.map((n) => (
                <li key={n.ruleId}>{n.title}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <p className="emg-mistake">
        <button type="button" className="after-linklike" onClick={onMistake}>
          I answered yes by mistake: go back to the questions
        </button>
      </p>
    </article>
  );
}
