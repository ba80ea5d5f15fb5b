// Step 2 of a check-in: what the person notices, each with how bad, which way it is going, since when and where.
import type { VocabEntry } from '../../api.ts';
import { toLocalInput } from './shared.tsx';
import type { SymptomDraft } from './checkin-model.ts';

const SEVERITY: readonly [NonNullable<SymptomDraft['severity']>, string][] = [
  ['mild', 'Mild'],
  ['moderate', 'Moderate'],
  ['severe', 'Severe'],
];
const TREND: readonly [NonNullable<SymptomDraft['trend']>, string][] = [
  ['improving', 'Getting better'],
  ['same', 'About the same'],
  ['worsening', 'Getting worse'],
];
const BEYOND: readonly [NonNullable<SymptomDraft['beyond']>, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
];

function Radios<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly [T, string][];
  value: T | undefined;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset role="radiogroup" className="ci-sub">
      <legend>{legend}</legend>
      <div className="ci-options">
        {options.map(([v, l]) => (
          <label key={v} className="choice ci-option">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{l}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Symptoms({
  symptoms,
  chosen,
  treatedAt,
  busy,
  onChange,
  onBack,
  onSubmit,
}: {
  symptoms: VocabEntry[];
  chosen: Record<string, SymptomDraft>;
  treatedAt: string;
  busy: boolean;
  onChange: (id: string, s: SymptomDraft | null) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const count = Object.keys(chosen).length;
  const min = toLocalInput(treatedAt);
  const max = toLocalInput(new Date().toISOString());
  return (
    <form
      className="ci-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2>What you notice</h2>
      <p>
        Tick everything you notice on or around the treated skin today, then say how bad it is and which way it is
        going. If you notice nothing, leave them all empty.
      </p>
      <p className="hint" aria-live="polite">
        {count === 0 ? 'Nothing ticked.' : `${count} ticked.`}
      </p>
      <ul className="ci-symptoms">
        {symptoms.map((s) => {
          const d = chosen[s.id];
          const set = (patch: Partial<SymptomDraft>) => onChange(s.id, { ...(d ?? { startedAt: '' }), ...patch });
          return (
            <li key={s.id} className={d ? 'ci-symptom ci-symptom-on' : 'ci-symptom'}>
              <label className="choice">
                <input type="checkbox" checked={Boolean(d)} onChange={(e) => onChange(s.id, e.target.checked ? { startedAt: '' } : null)} aria-describedby={`sd-${s.id}`} />
                <span>
                  <strong>{s.label}</strong>
                  <span className="hint after-block" id={`sd-${s.id}`}>
                    {s.description}
                  </span>
                </span>
              </label>
              {d && (
                <div className="ci-details">
                  <Radios name={`sev-${s.id}`} legend={`${s.label}: how bad is it?`} options={SEVERITY} value={d.severity} onChange={(v) => set({ severity: v })} />
                  <Radios name={`trend-${s.id}`} legend={`${s.label}: since it started, is it…`} options={TREND} value={d.trend} onChange={(v) => set({ trend: v })} />
                  <label htmlFor={`start-${s.id}`}>{s.label}: when did it start? (optional)</label>
                  <input
                    id={`start-${s.id}`}
                    type="datetime-local"
                    min={min}
                    max={max}
                    value={d.startedAt}
                    onChange={(e) => set({ startedAt: e.target.value })}
                  />
                  <Radios
                    name={`beyond-${s.id}`}
                    legend={`${s.label}: does it reach beyond the treated area?`}
                    options={BEYOND}
                    value={d.beyond}
                    onChange={(v) => set({ beyond: v })}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="submit" disabled={busy}>
          See the result
        </button>
      </div>
      {busy && (
        <p role="status" className="hint">
          Working out your result…
        </p>
      )}
    </form>
  );
}
