import { useEffect, useRef, useState } from 'react';
import { api, type AftercarePlan, type Issue, type TriageResult } from '../api.ts';
import { useKnowledge } from '../knowledge.ts';
import { go, href } from '../router.ts';
import { useData, type SavedCheckIn } from '../store.ts';
import './after/after.css';
import { CheckInResult, EmergencyScreen } from './after/CheckInResult.tsx';
import { draftFrom, EMPTY_DRAFT, groupRedFlags, parseTemperature, triageRequest, type Answer, type Draft, type SymptomDraft } from './after/checkin-model.ts';
import { isEmergency, Issues } from './after/shared.tsx';
import { Symptoms } from './after/Symptoms.tsx';
import { WarningSigns } from './after/WarningSigns.tsx';

const STEPS = [
  ['warning-signs', 'Warning signs'],
  ['symptoms', 'What you notice'],
  ['result', 'Your result'],
] as const;

function Progress({ step }: { step: string }) {
  const i = STEPS.findIndex(([id]) => id === step);
  if (i < 0) return null;
  return (
    <div className="ci-progress">
      <p className="ci-progress-text">
        Step {i + 1} of {STEPS.length}: {STEPS[i]?.[1]}
      </p>
      <div className="ci-progress-bar" aria-hidden="true">
        <span style={{ width: `${((i + 1) / STEPS.length) * 100}%` }} />
      </div>
    </div>
  );
}

export default function CheckIn({ step }: { step?: string }) {
  const kb = useKnowledge();
  const [data, update] = useData();
  const saved = data.treatment;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [net, setNet] = useState<AftercarePlan['safetyNet'] | null | 'loading'>('loading');
  const [stepOneDone, setStepOneDone] = useState(false);
  const [errors, setErrors] = useState<{ missing: string[]; temperature?: string; summary?: string }>({ missing: [] });
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const treatmentKey = saved ? JSON.stringify(saved) : '';
  const current = step ?? 'warning-signs';

  // The safety net for this treatment orders the warning signs, most urgent first.
  useEffect(() => {
    if (!saved) return;
    let live = true;
    void api.aftercare(saved).then((r) => {
      if (live) setNet(r.ok ? r.value.safetyNet : null);
    });
    return () => {
      live = false;
    };
    // `saved` is represented by `treatmentKey`.
  }, [treatmentKey]);

  if (!kb) return <p aria-live="polite">Loading…</p>;

  if (!saved) {
    return (
      <article className="after">
        <h1>Check in</h1>
        <div className="notice notice-info">
          <p>
            <strong>First, tell Primum about your treatment.</strong> A check-in compares what you notice with what is
            expected on that day after your treatment, so Primum needs to know when it was, the device and the areas
            treated. It takes about a minute.
          </p>
          <p>
            <a className="button" href={href('aftercare')}>
              Enter your treatment
            </a>
          </p>
        </div>
        <p>If you feel very unwell or think you need urgent help, do not wait: call your emergency number now.</p>
      </article>
    );
  }
  const treatment = saved;
  const treatedAt = typeof treatment.treatment.treatedAt === 'string' ? treatment.treatment.treatedAt : '';
  const ofThisTreatment = data.checkIns.filter((c) => (c.request as { treatment?: { treatedAt?: string } }).treatment?.treatedAt === treatedAt);
  const latest: SavedCheckIn | undefined = data.checkIns.at(-1);

  function record(request: Record<string, unknown>, result: TriageResult, at: string) {
    update((d) => ({ ...d, checkIns: [...d.checkIns, { at, request, result }] }));
  }

  /** Runs the warning-sign answers through the engine; true when it says "emergency" (and shows that screen). */
  async function emergencyCheck(d: Draft): Promise<boolean> {
    const at = new Date().toISOString();
    const request = triageRequest(treatment, d, at, false);
    const r = await api.triage(request);
    if (!r.ok) {
      setIssues(r.issues);
      return false;
    }
    if (isEmergency(r.value.level)) {
      record(request, r.value, at);
      go('check-in', 'emergency');
      return true;
    }
    return false;
  }

  function answer(id: string, a: Answer) {
    const next = { ...draftRef.current, redFlags: { ...draftRef.current.redFlags, [id]: a } };
    draftRef.current = next;
    setDraft(next);
    if (errors.missing.includes(id)) setErrors((e) => ({ ...e, missing: e.missing.filter((x) => x !== id) }));
    // A "yes" goes straight to the engine: an emergency answer must not wait for the rest of the questions.
    if (a === 'yes') void emergencyCheck(next);
  }

  const groups = groupRedFlags(kb, net === 'loading' ? null : net);
  const flagIds = groups.flatMap((g) => g.symptoms.map((s) => s.id));

  async function next() {
    setIssues([]);
    const d = draftRef.current;
    const temp = parseTemperature(d.temperature);
    const missing = flagIds.filter((id) => !d.redFlags[id]);
    const anyYes = Object.values(d.redFlags).includes('yes');
    if (anyYes && typeof temp !== 'string') {
      setBusy(true);
      const emergency = await emergencyCheck(d);
      setBusy(false);
      if (emergency) return;
    }
    if (missing.length > 0 || typeof temp === 'string') {
      setErrors({
        missing,
        ...(typeof temp === 'string' ? { temperature: temp } : {}),
        summary:
          missing.length > 0
            ? `Please answer ${missing.length === 1 ? '1 more question' : `${missing.length} more questions`}. If you are not sure, choose "I don't know".`
            : 'Please check your temperature.',
      });
      requestAnimationFrame(() => {
        const first = missing[0];
        const el = first ? document.querySelector<HTMLInputElement>(`#q-${first} input`) : document.getElementById('ci-temperature');
        el?.focus();
      });
      return;
    }
    setErrors({ missing: [] });
    setStepOneDone(true);
    go('check-in', 'symptoms');
  }

  async function finish() {
    setIssues([]);
    setBusy(true);
    const at = new Date().toISOString();
    const request = triageRequest(treatment, draftRef.current, at, true);
    const r = await api.triage(request);
    setBusy(false);
    if (!r.ok) {
      setIssues(r.issues);
      return;
    }
    record(request, r.value, at);
    go('check-in', isEmergency(r.value.level) ? 'emergency' : 'result');
  }

  function startAgain(keepAnswers: boolean, from?: SavedCheckIn) {
    let d = keepAnswers ? draftRef.current : EMPTY_DRAFT;
    if (keepAnswers && from) {
      const again = draftFrom(from.request);
      const hadSymptoms = Array.isArray((from.request as { symptoms?: unknown }).symptoms);
      d = hadSymptoms ? again : { ...again, symptoms: draftRef.current.symptoms };
    }
    setDraft(d);
    draftRef.current = d;
    setStepOneDone(false);
    setErrors({ missing: [] });
    go('check-in', 'warning-signs');
  }

  if (current === 'emergency') {
    if (latest && isEmergency(latest.result.level)) {
      return (
        <EmergencyScreen
          c={latest}
          kb={kb}
          onMistake={() => {
            const at = latest.at;
            update((d) => ({ ...d, checkIns: d.checkIns.filter((x) => x.at !== at) }));
            startAgain(true, latest);
          }}
        />
      );
    }
    return (
      <article className="after">
        <h1>Check in</h1>
        <p>There is no urgent result to show. <a href={href('check-in', 'warning-signs')}>Start a check-in</a>.</p>
      </article>
    );
  }

  return (
    <article className="after">
      <h1>Check in</h1>
      <Progress step={current} />
      <Issues issues={issues} />
      {current === 'warning-signs' &&
        (net === 'loading' ? (
          <p aria-live="polite">Loading the questions…</p>
        ) : (
          <WarningSigns
            groups={groups}
            answers={draft.redFlags}
            temperature={draft.temperature}
            errors={errors}
            busy={busy}
            onAnswer={answer}
            onTemperature={(v) => {
              const n = { ...draftRef.current, temperature: v };
              draftRef.current = n;
              setDraft(n);
            }}
            onNext={() => void next()}
          />
        ))}
      {current === 'symptoms' &&
        (stepOneDone ? (
          <Symptoms
            symptoms={kb.vocabulary.symptoms.filter((s) => s.redFlag !== true)}
            chosen={draft.symptoms}
            treatedAt={treatedAt}
            busy={busy}
            onChange={(id, s: SymptomDraft | null) => {
              const symptoms = { ...draftRef.current.symptoms };
              if (s) symptoms[id] = s;
              else delete symptoms[id];
              const n = { ...draftRef.current, symptoms };
              draftRef.current = n;
              setDraft(n);
            }}
            onBack={() => go('check-in', 'warning-signs')}
            onSubmit={() => void finish()}
          />
        ) : (
          <div className="notice notice-info">
            <p>Please answer the warning-sign questions first.</p>
            <p>
              <a href={href('check-in', 'warning-signs')}>Go to the warning signs</a>
            </p>
          </div>
        ))}
      {current === 'result' &&
        (latest ? (
          <CheckInResult c={latest} kb={kb} chartCheckIns={ofThisTreatment} onNew={(keep) => startAgain(keep, latest)} />
        ) : (
          <p>
            No check-in yet. <a href={href('check-in', 'warning-signs')}>Start a check-in</a>.
          </p>
        ))}
      {!['warning-signs', 'symptoms', 'result'].includes(current) && (
        <p>
          This page does not exist. <a href={href('check-in', 'warning-signs')}>Start a check-in</a>.
        </p>
      )}
    </article>
  );
}
