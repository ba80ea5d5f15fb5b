// The areas step: a face diagram (visual aid) and a list of every zone with a depth field, each showing the zone's
// limit for the chosen device and setting from GET /api/v1/zone-limits.
import { useEffect, useState } from 'react';
import { api, type ApiResult, type VocabEntry, type ZoneLimit } from '../../api.ts';
import { FACE_ZONES, FaceDiagram, FaceLegend, STATUS_TEXT, type ZoneStatus } from '../../components/FaceDiagram.tsx';
import { href } from '../../router.ts';
import { FieldError } from './fields.tsx';
import { DEPTH_MAX, DEPTH_MIN, fieldId, parseNumber, SETTING_LABELS, type Role } from './model.ts';
import type { StepProps } from './steps.tsx';

const cache = new Map<string, Promise<ApiResult<{ zones: ZoneLimit[] }>>>();

/** Zone limits for a device, setting and operator; null while loading or when the plan is not chosen yet. */
export function useZoneLimits(device?: string, setting?: string, operator?: string): { limits: ZoneLimit[] | null; error: string | null; loading: boolean } {
  const key = device && setting ? `${device}|${setting}|${operator ?? ''}` : null;
  const [state, setState] = useState<{ key: string; limits: ZoneLimit[] | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!key || !device || !setting) return;
    let live = true;
    let p = cache.get(key);
    if (!p) {
      p = api.zoneLimits(device, setting, operator);
      cache.set(key, p);
    }
    void p.then((r) => {
      if (!r.ok) cache.delete(key);
      if (live) setState({ key, limits: r.ok ? r.value.zones : null, error: r.ok ? null : (r.issues[0]?.message ?? 'The limits could not be loaded.') });
    });
    return () => {
      live = false;
    };
  }, [key, device, setting, operator]);
  if (!key) return { limits: null, error: null, loading: false };
  return state?.key === key ? { limits: state.limits, error: state.error, loading: false } : { limits: null, error: null, loading: true };
}

const DONE_BY: Record<Role, string> = { self: 'by yourself', esthetician: 'by a beautician or aesthetician', nurse: 'by a nurse', physician: 'by a doctor' };
const mm = (n: number): string => `${Number(n.toFixed(2))} mm`;
const EPS = 1e-9;

export function zoneStatus(text: string, limit: ZoneLimit | undefined): ZoneStatus {
  if (text.trim() === '') return 'none';
  const n = parseNumber(text);
  if (!limit || n === null || n < DEPTH_MIN || n > DEPTH_MAX) return 'chosen';
  if (limit.maxMm === 0) return 'blocked';
  if (n > limit.maxMm + EPS) return 'over';
  if (limit.cautionFromMm !== null && n >= limit.cautionFromMm - EPS) return 'caution';
  return 'ok';
}

function limitText(limit: ZoneLimit | undefined, loading: boolean): string {
  if (!limit) return loading ? 'Loading the limit for this area…' : '';
  if (limit.maxMm === 0) return 'Not allowed for this device and setting.';
  const caution =
    limit.cautionFromMm === null ? '' : limit.cautionFromMm <= DEPTH_MIN + EPS ? ' Extra care is needed at any depth.' : ` Extra care is needed from ${mm(limit.cautionFromMm)}.`;
  return `Up to ${mm(limit.maxMm)} for this device and setting.${caution}`;
}

const BADGE: Record<ZoneStatus, string> = { none: '', chosen: '•', ok: '✓', caution: '!', over: '✕', blocked: '✕' };

function ZoneRow(props: { zone: VocabEntry; value: string; limit: ZoneLimit | undefined; loading: boolean; error: string | undefined; onChange: (v: string) => void }) {
  const { zone, value, limit, loading, error, onChange } = props;
  const id = fieldId('zone', zone.id);
  const status = zoneStatus(value, limit);
  const text = limitText(limit, loading);
  const depth = parseNumber(value);
  const warning =
    status === 'over' && limit && depth !== null
      ? `${mm(depth)} is deeper than the ${mm(limit.maxMm)} limit for this area with this device and setting. You can still go on: your result will explain what this means.`
      : status === 'blocked'
        ? 'This area is not treated with this device and setting. You can still go on: your result will explain what this means.'
        : '';
  return (
    <li className={`zone-row zone-row-${status}`} data-invalid={error ? 'true' : undefined}>
      <div className="zone-row-head">
        <label htmlFor={id}>{zone.label} depth (mm)</label>
        {status !== 'none' && (
          <span className={`zone-badge zone-badge-${status}`}>
            <span aria-hidden="true">{BADGE[status]}</span> {STATUS_TEXT[status].replace(/^./, (c) => c.toUpperCase())}
          </span>
        )}
      </div>
      {text && <p className={`hint zone-limit${limit?.maxMm === 0 ? ' zone-limit-blocked' : ''}`} id={`${id}-limit`}>{text}</p>}
      <FieldError id={id} message={error} />
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={DEPTH_MIN}
        max={DEPTH_MAX}
        step={0.05}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[text && `${id}-limit`, error && `${id}-error`, warning && `${id}-warn`].filter(Boolean).join(' ') || undefined}
      />
      <div aria-live="polite" className="zone-warn-live">
        {warning && (
          <p className="zone-warning" id={`${id}-warn`}>
            <span aria-hidden="true" className="zone-warn-icon">!</span> {warning}
          </p>
        )}
      </div>
    </li>
  );
}

export function Areas({ a, set, errors, kb }: StepProps) {
  const device = kb.vocabulary.devices.find((d) => d.id === a.device);
  const ready = Boolean(a.device && a.setting);
  const { limits, error, loading } = useZoneLimits(a.device, a.setting, a.operatorRole);
  const byZone = new Map((limits ?? []).map((l) => [l.zone, l]));
  const values = a.zones ?? {};
  const faceZones = kb.vocabulary.zones.filter((z) => FACE_ZONES.includes(z.id));
  const otherZones = kb.vocabulary.zones.filter((z) => !FACE_ZONES.includes(z.id));
  const onChange = (zone: string) => (v: string) => set((x) => ({ ...x, zones: { ...x.zones, [zone]: v } }));
  const pick = (zone: string) => {
    const el = document.getElementById(fieldId('zone', zone));
    if (el instanceof HTMLInputElement) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  };
  const zonesError = errors[fieldId('zones')];
  const row = (z: VocabEntry) => (
    <ZoneRow key={z.id} zone={z} value={values[z.id] ?? ''} limit={byZone.get(z.id)} loading={loading} error={errors[fieldId('zone', z.id)]} onChange={onChange(z.id)} />
  );
  return (
    <>
      <p>
        For each area to be treated, enter how deep the needles will go, in millimetres (for example 0.5). Leave an
        area empty if it will not be treated. You can tap an area on the face to go to its field.
      </p>
      {ready && device ? (
        <p className="notice notice-info areas-context">
          Limits shown for: <strong>{device.label}</strong>, {SETTING_LABELS[a.setting ?? 'clinic'].toLowerCase()}
          {a.operatorRole ? `, done ${DONE_BY[a.operatorRole]}` : ''}.{' '}
          The depth you enter is sent as you enter it; your result explains any limit.
        </p>
      ) : (
        <p className="notice notice-info">
          To see the limit for each area, first choose the device and where it will be done on the{' '}
          <a href={href('screen', 'treatment')}>planned treatment step</a>.
        </p>
      )}
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div id={fieldId('zones')} tabIndex={-1} data-invalid={zonesError ? 'true' : undefined} className="areas-error-anchor">
        <FieldError id={fieldId('zones')} message={zonesError} />
      </div>
      <div className="areas-layout">
        <figure className="areas-figure">
          <figcaption id="face-diagram-title">Face: tap or press Enter on an area to go to its depth field</figcaption>
          <FaceDiagram
            titleId="face-diagram-title"
            onPick={pick}
            zones={faceZones.map((z) => {
              const v = values[z.id] ?? '';
              const limit = byZone.get(z.id);
              const n = parseNumber(v);
              return { id: z.id, label: z.label, status: zoneStatus(v, limit), depthText: n === null ? v : mm(n), blocked: limit?.maxMm === 0 };
            })}
          />
          <FaceLegend />
        </figure>
        <div className="areas-lists">
          <h3>Face</h3>
          <ul className="zone-list">{faceZones.map(row)}</ul>
          <h3>Neck, chest, scalp, body and hands</h3>
          <ul className="zone-list">{otherZones.map(row)}</ul>
        </div>
      </div>
    </>
  );
}
