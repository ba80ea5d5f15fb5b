// Check a planned treatment: a guided questionnaire, one topic per step. The step is in the URL (#/screen/<step>),
// so the browser's back and forward buttons move between steps; every answer is saved in this browser as it changes.
import { useCallback, useEffect, useLayoutEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useKnowledge } from '../knowledge.ts';
import { go, href } from '../router.ts';
import { useData, type ScreeningAnswers } from '../store.ts';
import { Areas } from './screening/Areas.tsx';
import { asAnswers, isStepId, stepTitle, STEPS, validateStep, visibleSteps, type Answers, type StepId } from './screening/model.ts';
import { Review } from './screening/Review.tsx';
import { AboutYou, AllergiesImplants, Health, Medicines, Pregnancy, Procedures, SkinType, Treatment } from './screening/steps.tsx';
import './screening/screening.css';

/** The step to show: the one in the URL, or (when skip logic hides it) the next one that is shown. */
function resolveStep(step: string | undefined, visible: StepId[]): StepId {
  const first = visible[0] ?? 'about-you';
  if (!isStepId(step)) return first;
  if (visible.includes(step)) return step;
  const order = STEPS.map((s) => s.id);
  return visible.find((v) => order.indexOf(v) > order.indexOf(step)) ?? first;
}

export default function Screening({ step }: { step?: string }) {
  const kb = useKnowledge();
  const [data, update] = useData();
  const a = asAnswers(data.screeningAnswers);
  const visible = visibleSteps(a);
  const current = resolveStep(step, visible);
  const index = visible.indexOf(current);
  const prev = visible[index - 1];
  const next = visible[index + 1];

  // An unknown or skipped step in the URL is replaced (not added to history) by the step shown.
  useEffect(() => {
    if (step !== undefined && step !== current) window.location.replace(href('screen', current));
  }, [step, current]);

  const set = useCallback(
    (fn: (x: Answers) => Answers) => update((d) => ({ ...d, screeningAnswers: fn(asAnswers(d.screeningAnswers)) as ScreeningAnswers })),
    [update],
  );

  // Errors show after a first "Next" on this step, then update as the person fixes them.
  const [tried, setTried] = useState<StepId | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const errors = tried === current ? validateStep(current, a, kb) : {};
  const summary = Object.values(errors);

  useEffect(() => {
    setTried(null);
  }, [current]);

  useLayoutEffect(() => {
    if (focusTick === 0) return;
    const first = document.querySelector('.screening [data-invalid="true"]');
    if (!first) return;
    const target =
      first instanceof HTMLInputElement
        ? first
        : first.querySelector<HTMLElement>('input:not([disabled]), select, textarea') ?? (first instanceof HTMLElement ? first : null);
    target?.focus();
  }, [focusTick]);

  const onNext = (e: FormEvent) => {
    e.preventDefault();
    const found = validateStep(current, a, kb);
    if (Object.keys(found).length > 0) {
      setTried(current);
      setFocusTick((t) => t + 1);
      return;
    }
    setTried(null);
    if (next) go('screen', next);
  };
  const onBack = () => {
    if (prev) go('screen', prev);
  };

  const needsKb = current !== 'about-you' && current !== 'pregnancy';
  const props = { a, set, errors };
  let body: ReactNode = null;
  if (needsKb && !kb) body = <p role="status">Loading the questions…</p>;
  else if (current === 'about-you') body = <AboutYou {...props} />;
  else if (current === 'pregnancy') body = <Pregnancy {...props} />;
  else if (kb) {
    const withKb = { ...props, kb };
    switch (current) {
      case 'skin-type':
        body = <SkinType {...withKb} />;
        break;
      case 'health':
        body = <Health {...withKb} />;
        break;
      case 'medicines':
        body = <Medicines {...withKb} />;
        break;
      case 'procedures':
        body = <Procedures {...withKb} />;
        break;
      case 'allergies-implants':
        body = <AllergiesImplants {...withKb} />;
        break;
      case 'treatment':
        body = <Treatment {...withKb} />;
        break;
      case 'areas':
        body = <Areas {...withKb} />;
        break;
      case 'review':
        body = <Review key="review" a={a} kb={kb} update={update} onBack={onBack} />;
        break;
    }
  }

  const title = stepTitle(current);
  return (
    <article className="screening">
      <h1>Check a planned treatment</h1>
      <div className="q-progress">
        <p id="q-progress-label" className="q-progress-label">
          Step {index + 1} of {visible.length}
        </p>
        <progress max={visible.length} value={index + 1} aria-labelledby="q-progress-label" />
      </div>
      {current === 'review' ? (
        <section className="q-step" aria-labelledby="q-step-title">
          <h2 id="q-step-title">{title}</h2>
          {body}
        </section>
      ) : (
        <form className="q-step" noValidate onSubmit={onNext} aria-labelledby="q-step-title">
          <h2 id="q-step-title">{title}</h2>
          {summary.length > 0 && (
            <div className="notice notice-error q-summary" role="alert">
              <p>
                <strong>{summary.length === 1 ? 'One answer needs your attention' : `${summary.length} answers need your attention`}</strong>{' '}
                before you go on:
              </p>
              <ul>
                {summary.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          {body}
          <div className="actions q-actions">
            {prev && (
              <button type="button" className="secondary" onClick={onBack}>
                Back
              </button>
            )}
            <button type="submit">Next</button>
          </div>
        </form>
      )}
    </article>
  );
}
