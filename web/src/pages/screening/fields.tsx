// Small accessible form controls for the questionnaire: every control has a visible label or legend, hints and
// errors are linked with aria-describedby, and errors are also marked with aria-invalid.
import type { ReactNode } from 'react';

const ids = (...xs: (string | false | undefined)[]): string | undefined => xs.filter(Boolean).join(' ') || undefined;

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error q-error">
      <span aria-hidden="true" className="q-error-icon">!</span> {message}
    </p>
  );
}

export interface Option<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export function RadioGroup<T extends string>(props: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Option<T>[];
  value: T | undefined;
  onChange: (v: T) => void;
  error?: string;
  small?: boolean;
  inline?: boolean;
}) {
  const { id, legend, hint, options, value, onChange, error, small, inline } = props;
  return (
    <fieldset id={id} className={`q-group${small ? ' q-group-small' : ''}${error ? ' q-invalid' : ''}`} aria-describedby={ids(hint !== undefined && `${id}-hint`, error && `${id}-error`)} data-invalid={error ? 'true' : undefined}>
      <legend>{legend}</legend>
      {hint !== undefined && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <FieldError id={id} message={error} />
      <div className={inline ? 'q-options q-inline' : 'q-options'}>
        {options.map((o) => {
          const oid = `${id}-${o.value}`;
          return (
            <div className="q-choice" key={o.value}>
              <input
                type="radio"
                id={oid}
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.hint ? `${oid}-hint` : undefined}
              />
              <div>
                <label htmlFor={oid}>{o.label}</label>
                {o.hint && <p id={`${oid}-hint`} className="hint">{o.hint}</p>}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function Checkbox(props: { id: string; label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (v: boolean) => void; invalid?: boolean; describedBy?: string }) {
  const { id, label, hint, checked, onChange, invalid, describedBy } = props;
  return (
    <div className="q-choice">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={ids(hint !== undefined && `${id}-hint`, describedBy)}
        aria-invalid={invalid ? true : undefined}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint !== undefined && <p id={`${id}-hint`} className="hint">{hint}</p>}
      </div>
    </div>
  );
}

export function TextField(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  type?: 'text' | 'number' | 'date';
  inputMode?: 'numeric' | 'decimal';
  min?: number | string;
  max?: number | string;
  step?: number | string;
  disabled?: boolean;
  className?: string;
  autoComplete?: string;
  after?: ReactNode;
}) {
  const { id, label, hint, value, onChange, error, type = 'text', inputMode, min, max, step, disabled, className, autoComplete, after } = props;
  return (
    <div className={`q-field${error ? ' q-invalid' : ''}${className ? ` ${className}` : ''}`} data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <FieldError id={id} message={error} />
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      />
      {after}
    </div>
  );
}

/** A free-text answer of a few lines ("something else"), at most 2,000 characters. */
export function TextArea(props: { id: string; label: ReactNode; hint?: ReactNode; value: string; onChange: (v: string) => void }) {
  const { id, label, hint, value, onChange } = props;
  return (
    <div className="q-field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && <p id={`${id}-hint`} className="hint">{hint}</p>}
      <textarea id={id} rows={3} maxLength={2000} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby={hint !== undefined ? `${id}-hint` : undefined} />
    </div>
  );
}

/** A yes / no / I don't know question. */
export function YesNoUnknown(props: { id: string; legend: ReactNode; hint?: ReactNode; value: 'yes' | 'no' | 'unknown' | undefined; onChange: (v: 'yes' | 'no' | 'unknown') => void; error?: string; small?: boolean; unknownLabel?: string }) {
  const { unknownLabel = "I don't know", ...rest } = props;
  return (
    <RadioGroup
      {...rest}
      inline
      options={[
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'unknown', label: unknownLabel },
      ]}
    />
  );
}
