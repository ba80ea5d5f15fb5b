// "Tell Primum about your treatment": the facts the aftercare plan and the check-ins are worked out from.
import { useRef, useState, type FormEvent } from 'react';
import { api, type AftercarePlan, type Issue, type KnowledgeSummary } from '../../api.ts';
import type { SavedData } from '../../store.ts';
import { fromLocalInput, Issues, toLocalInput, type SavedTreatment } from './shared.tsx';

interface FormState {
  treatedAt: string;
  setting: string;
  device: string;
  /** Treated zones and their depth as typed (mm). */
  zones: Record<string, string>;
  products: string[];
  numbingCream: 'yes' | 'no' | 'unknown';
  rfEnergy: string;
  /** A Fitzpatrick self-report answer id, 'unknown', or '' (not answered). */
  fitz: string;
  pih: boolean;
  hsv: boolean;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): string => (typeof v === 'number' ? String(v) : '');

function hasCondition(person: Record<string, unknown>, id: string): boolean {
  return arr(person.conditions).some((c) => obj(c).id === id);
}

function fitzFrom(person: Record<string, unknown>, kb: KnowledgeSummary | null): string {
  if (typeof person.fitzpatrickSelfReport === 'string') return person.fitzpatrickSelfReport;
  if (typeof person.fitzpatrick === 'number') return kb?.fitzpatrick.answers.find((a) => a.type === person.fitzpatrick)?.id ?? '';
  if (person.fitzpatrick === 'unknown') return 'unknown';
  return '';
}

/** The form's starting values: the saved treatment, else the screened plan, else empty. */
function initial(saved: SavedTreatment | undefined, screening: SavedData['screening'], kb: KnowledgeSummary | null): FormState {
  if (saved) {
    const t = saved.treatment;
    const p = saved.person;
    return {
      treatedAt: typeof t.treatedAt === 'string' ? toLocalInput(t.treatedAt) : '',
      setting: str(t.setting),
      device: str(t.device),
      zones: Object.fromEntries(arr(t.zones).map((z) => [str(obj(z).zone), num(obj(z).depthMm)])),
      products: arr(t.products).filter((x): x is string => typeof x === 'string'),
      numbingCream: t.numbingCream === true ? 'yes' : t.numbingCream === false ? 'no' : 'unknown',
      rfEnergy: str(t.rfEnergy) || 'unknown',
      fitz: fitzFrom(p, kb),
      pih: hasCondition(p, 'pih_melasma'),
      hsv: hasCondition(p, 'hsv_labialis'),
    };
  }
  const req = obj(screening?.request);
  const plan = obj(req.plan);
  const person = obj(req.person);
  return {
    treatedAt: '',
    setting: str(plan.setting),
    device: str(plan.device),
    zones: Object.fromEntries(arr(plan.zones).map((z) => [str(obj(z).zone), num(obj(z).depthMm)])),
    products: arr(plan.products).map((x) => str(obj(x).id)).filter(Boolean),
    numbingCream: obj(plan.numbingCream).used === 'yes' ? 'yes' : obj(plan.numbingCream).used === 'no' ? 'no' : 'unknown',
    rfEnergy: 'unknown',
    fitz: fitzFrom(person, kb),
    pih: hasCondition(person, 'pih_melasma'),
    hsv: hasCondition(person, 'hsv_labialis'),
  };
}

export function TreatmentForm({
  kb,
  saved,
  screening,
  onSaved,
  onCancel,
}: {
  kb: KnowledgeSummary;
  saved: SavedTreatment | undefined;
  screening: SavedData['screening'];
  onSaved: (t: SavedTreatment, plan: AftercarePlan) => void;
  onCancel?: () => void;
}) {
  const [f, setF] = useState<FormState>(() => initial(saved, screening, kb));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));

  const devices = kb.vocabulary.devices.filter((d) => d.energy !== 'none');
  const device = devices.find((d) => d.id === f.device);
  const isRf = device?.energy === 'rf';
  const settingsOk = (device?.settings as string[] | undefined) ?? ['clinic', 'home'];
  const prefilled = !saved && Boolean(screening);

  function validate(): Record<string, string> {
    const e: Record<string, string> = {};
    const at = fromLocalInput(f.treatedAt);
    if (!at) e.treatedAt = 'Enter the date and time your treatment ended.';
    else if (Date.parse(at) > Date.now() + 60 * 60 * 1000) e.treatedAt = 'This date is in the future. Enter when your treatment ended.';
    if (!f.setting) e.setting = 'Choose where the treatment was done.';
    if (!f.device) e.device = 'Choose the device that was used.';
    const zones = Object.entries(f.zones);
    if (zones.length === 0) e.zones = 'Choose at least one treated area.';
    for (const [z, d] of zones) {
      const n = Number(d);
      if (d.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 10) {
        e[`depth-${z}`] = 'Enter the needle depth in millimetres (more than 0, up to 10).';
      }
    }
    return e;
  }

  function body(): SavedTreatment {
    const treatment: Record<string, unknown> = {
      treatedAt: fromLocalInput(f.treatedAt),
      setting: f.setting,
      device: f.device,
      zones: Object.entries(f.zones).map(([zone, d]) => ({ zone, depthMm: Number(d) })),
      products: f.products,
      numbingCream: f.numbingCream === 'yes' ? true : f.numbingCream === 'no' ? false : 'unknown',
    };
    if (isRf && (f.rfEnergy === 'standard' || f.rfEnergy === 'high')) treatment.rfEnergy = f.rfEnergy;
    const person: Record<string, unknown> = {
      conditions: [
        ...(f.pih ? [{ id: 'pih_melasma', status: 'history' }] : []),
        ...(f.hsv ? [{ id: 'hsv_labialis', status: 'history' }] : []),
      ],
      medications: [],
    };
    if (f.fitz === 'unknown' || f.fitz === '') person.fitzpatrick = 'unknown';
    else person.fitzpatrickSelfReport = f.fitz;
    return { treatment, person };
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    setIssues([]);
    if (Object.keys(e).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    const t = body();
    const r = await api.aftercare(t);
    setBusy(false);
    if (r.ok) onSaved(t, r.value);
    else {
      setIssues(r.issues);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  const errorIds = Object.keys(errors);
  const invalid = (k: string) => (errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `err-${k}` } : {});
  const group = (k: string) => (errors[k] ? { 'aria-describedby': `err-${k}` } : {});
  const err = (k: string) =>
    errors[k] ? (
      <p className="field-error" id={`err-${k}`}>
        {errors[k]}
      </p>
    ) : null;

  return (
    <form className="after-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Your treatment</h2>
      <p>
        Tell Primum what was done. Your plan is worked out from these answers, and they stay in this browser.
        {prefilled && ' We have filled in what you told us when you checked the treatment; change anything that was different on the day.'}
      </p>
      <div ref={summary} tabIndex={-1} className="after-focus-target">
        {errorIds.length > 0 && (
          <div className="notice notice-error" role="alert">
            <p>
              <strong>Please check {errorIds.length === 1 ? 'this answer' : `these ${errorIds.length} answers`}:</strong>
            </p>
            <ul>
              {errorIds.map((k) => (
                <li key={k}>
                  <button type="button" className="after-linklike" onClick={() => document.getElementById(`field-${k}`)?.focus()}>
                    {errors[k]}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Issues issues={issues} />
      </div>

      <label htmlFor="field-treatedAt">When did your treatment end?</label>
      <p className="hint" id="hint-treatedAt">Date and time, as near as you can remember.</p>
      <input
        id="field-treatedAt"
        type="datetime-local"
        value={f.treatedAt}
        max={toLocalInput(new Date().toISOString())}
        onChange={(e) => set('treatedAt', e.target.value)}
        {...invalid('treatedAt')}
        aria-describedby={errors.treatedAt ? 'hint-treatedAt err-treatedAt' : 'hint-treatedAt'}
      />
      {err('treatedAt')}

      <fieldset {...group('device')}>
        <legend>Which device was used?</legend>
        {devices.map((d, i) => (
          <div key={d.id} className="after-device">
            <label className="choice">
              <input
                type="radio"
                name="device"
                value={d.id}
                id={i === 0 ? 'field-device' : undefined}
                checked={f.device === d.id}
                onChange={() => set('device', d.id)}
              />
              <span>{d.label}</span>
            </label>
            <details className="after-more">
              <summary>
                What is this<span className="sr-only">: {d.label}</span>?
              </summary>
              <p className="hint">{d.description}</p>
            </details>
          </div>
        ))}
        {err('device')}
      </fieldset>

      <fieldset {...group('setting')}>
        <legend>Where was it done?</legend>
        {(['clinic', 'home'] as const).map((s, i) => (
          <label key={s} className="choice">
            <input type="radio" name="setting" value={s} id={i === 0 ? 'field-setting' : undefined} checked={f.setting === s} onChange={() => set('setting', s)} />
            <span>{s === 'clinic' ? 'At a clinic or salon, by a practitioner' : 'At home, by myself'}</span>
          </label>
        ))}
        {device && f.setting && !settingsOk.includes(f.setting) && (
          <p className="hint">This device is normally used only in a clinic. If it was done at home, keep that answer: it matters for your plan.</p>
        )}
        {err('setting')}
      </fieldset>

      {isRf && (
        <fieldset>
          <legend>How much radiofrequency energy was used?</legend>
          <p className="hint">Your practitioner can tell you. If you are not sure, choose &quot;I don&apos;t know&quot;.</p>
          {[
            ['standard', 'Standard energy'],
            ['high', 'High energy'],
            ['unknown', "I don't know"],
          ].map(([v, l]) => (
            <label key={v} className="choice">
              <input type="radio" name="rfEnergy" value={v} checked={f.rfEnergy === v} onChange={() => set('rfEnergy', v ?? 'unknown')} />
              <span>{l}</span>
            </label>
          ))}
        </fieldset>
      )}

      <fieldset {...group('zones')}>
        <legend>Which areas were treated, and how deep?</legend>
        <p className="hint">Tick each area, then enter the needle depth setting in millimetres (mm) for it.</p>
        <ul className="after-zones">
          {kb.vocabulary.zones.map((z, i) => {
            const on = z.id in f.zones;
            const depthKey = `depth-${z.id}`;
            return (
              <li key={z.id}>
                <label className="choice">
                  <input
                    type="checkbox"
                    id={i === 0 ? 'field-zones' : undefined}
                    checked={on}
                    onChange={(e) => {
                      const zones = { ...f.zones };
                      if (e.target.checked) zones[z.id] = '';
                      else delete zones[z.id];
                      set('zones', zones);
                    }}
                  />
                  <span>{z.label}</span>
                </label>
                {on && (
                  <div className="after-depth">
                    <label htmlFor={`field-${depthKey}`}>Needle depth for {z.label.toLowerCase()} (mm)</label>
                    <input
                      id={`field-${depthKey}`}
                      type="number"
                      inputMode="decimal"
                      min="0.05"
                      max="10"
                      step="0.05"
                      value={f.zones[z.id] ?? ''}
                      onChange={(e) => set('zones', { ...f.zones, [z.id]: e.target.value })}
                      {...invalid(depthKey)}
                    />
                    {err(depthKey)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {err('zones')}
      </fieldset>

      <fieldset>
        <legend>Numbing cream</legend>
        <p className="hint">Was a numbing (anaesthetic) cream put on before the treatment?</p>
        {(['yes', 'no', 'unknown'] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="numbingCream" value={v} checked={f.numbingCream === v} onChange={() => set('numbingCream', v)} />
            <span>{v === 'yes' ? 'Yes' : v === 'no' ? 'No' : "I don't know"}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Products put on the skin during or right after the treatment</legend>
        <p className="hint">Tick any you know were used. Leave them all empty if none were, or you do not know.</p>
        <ul className="after-products">
          {kb.vocabulary.products.map((p) => (
            <li key={p.id}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={f.products.includes(p.id)}
                  onChange={(e) => set('products', e.target.checked ? [...f.products, p.id] : f.products.filter((x) => x !== p.id))}
                />
                <span>{p.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset>
        <legend>{kb.fitzpatrick.question}</legend>
        <p className="hint">This is your skin type. It changes how long to protect your skin from the sun.</p>
        {kb.fitzpatrick.answers.map((a) => (
          <label key={a.id} className="choice">
            <input type="radio" name="fitz" value={a.id} checked={f.fitz === a.id} onChange={() => set('fitz', a.id)} />
            <span>
              {a.label}
              <span className="hint after-block">{a.description}</span>
            </span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="fitz" value="unknown" checked={f.fitz === 'unknown'} onChange={() => set('fitz', 'unknown')} />
          <span>I don&apos;t know</span>
        </label>
      </fieldset>

      <fieldset>
        <legend>Have you ever had any of these?</legend>
        {(
          [
            ['pih', 'pih_melasma'],
            ['hsv', 'hsv_labialis'],
          ] as const
        ).map(([k, id]) => {
          const c = kb.vocabulary.conditions.find((x) => x.id === id);
          return (
            <label key={id} className="choice">
              <input type="checkbox" checked={f[k]} onChange={(e) => set(k, e.target.checked)} />
              <span>
                {c?.label ?? id}
                {c?.description && <span className="hint after-block">{c.description}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={busy}>
          Make my plan
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {busy && (
        <p role="status" className="hint">
          Working out your plan…
        </p>
      )}
    </form>
  );
}
