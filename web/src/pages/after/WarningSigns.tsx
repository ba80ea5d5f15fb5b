// Step 1 of a check-in: the red-flag questions, most urgent first, and the temperature.
import type { Answer, QuestionGroup } from './checkin-model.ts';

const OPTIONS: readonly [Answer, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['unknown', "I don't know"],
];

export function WarningSigns({
  groups,
  answers,
  temperature,
  errors,
  busy,
  onAnswer,
  onTemperature,
  onNext,
}: {
  groups: QuestionGroup[];
  answers: Record<string, Answer>;
  temperature: string;
  errors: { missing: string[]; temperature?: string; summary?: string };
  busy: boolean;
  onAnswer: (id: string, a: Answer) => void;
  onTemperature: (v: string) => void;
  onNext: () => void;
}) {
  const total = groups.reduce((n, g) => n + g.symptoms.length, 0);
  const answered = groups.reduce((n, g) => n + g.symptoms.filter((s) => answers[s.id]).length, 0);
  return (
    <form
      className="ci-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      <h2>Warning signs</h2>
      <p>
        Answer these first. They are the signs that need help quickly. If you are not sure, choose &quot;I don&apos;t
        know&quot;: Primum will never take that as a no.
      </p>
      <p className="hint" aria-live="polite">
        {answered} of {total} answered.
      </p>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`${g.id}-h`} className="ci-group">
          <h3 id={`${g.id}-h`}>{g.heading}</h3>
          {g.symptoms.map((s) => {
            const missing = errors.missing.includes(s.id);
            return (
              <fieldset
                key={s.id}
                role="radiogroup"
                className={`ci-question${missing ? ' ci-missing' : ''}`}
                aria-describedby={`desc-${s.id}${missing ? ` miss-${s.id}` : ''}`}
                id={`q-${s.id}`}
              >
                <legend>{String(s.question)}</legend>
                <p className="hint" id={`desc-${s.id}`}>
                  {s.description}
                </p>
                <div className="ci-options">
                  {OPTIONS.map(([v, label]) => (
                    <label key={v} className="choice ci-option">
                      <input type="radio" name={`rf-${s.id}`} value={v} checked={answers[s.id] === v} onChange={() => onAnswer(s.id, v)} />
                      <span>{label}</span>
                    </label>
                  ))}
                </div>
                {missing && (
                  <p className="field-error" id={`miss-${s.id}`}>
                    Please answer this question.
                  </p>
                )}
              </fieldset>
            );
          })}
        </section>
      ))}
      <label htmlFor="ci-temperature">Your temperature in °C, if you have measured it (optional)</label>
      <input
        id="ci-temperature"
        type="number"
        inputMode="decimal"
        step="0.1"
        min="30"
        max="45"
        value={temperature}
        onChange={(e) => onTemperature(e.target.value)}
        aria-invalid={errors.temperature ? true : undefined}
        aria-describedby={errors.temperature ? 'ci-temperature-error' : undefined}
      />
      {errors.temperature && (
        <p className="field-error" id="ci-temperature-error">
          {errors.temperature}
        </p>
      )}
      <div role="alert" className="ci-alert">
        {errors.summary && <p className="notice notice-error">{errors.summary}</p>}
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Next
        </button>
      </div>
    </form>
  );
}
