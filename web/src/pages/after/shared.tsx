// Helpers shared by the aftercare page, the check-in flow and their charts.
import type { ReactNode } from 'react';
import type { SavedData } from '../../store.ts';

export type SavedTreatment = NonNullable<SavedData['treatment']>;

const HOUR_MS = 3_600_000;

/** Hours from `fromIso` to `toIso` (or to now). */
export const hoursSince = (fromIso: string, toIso?: string): number =>
  ((toIso ? Date.parse(toIso) : Date.now()) - Date.parse(fromIso)) / HOUR_MS;

/** The day after treatment (day 0 = the first 24 hours), as the engines count it. */
export const dayIndex = (treatedAt: string, at?: string): number => Math.floor(hoursSince(treatedAt, at) / 24);

/** "Sat 21 Nov" in the reader's own language. */
export const shortDate = (iso: string): string =>
  new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Sat 21 Nov, 14:30". */
export const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A value for <input type="datetime-local"> in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The ISO timestamp of a datetime-local value with this browser's UTC offset ("2026-11-21T14:00:00+01:00"), or null
 * when it is empty or invalid. The offset lets the server put reminders in the person's daytime.
 */
export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  if (!Number.isFinite(d.getTime())) return null;
  const p = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${toLocalInput(d.toISOString())}:00${sign}${p(off / 60)}:${p(off % 60)}`;
}

/** Levels that mean "get help now". */
export const EMERGENCY_LEVELS: readonly string[] = ['call_emergency_number', 'emergency_department'];
export const isEmergency = (level: string): boolean => EMERGENCY_LEVELS.includes(level);

/** A shape for each level, so the level never relies on colour alone. */
export function LevelIcon({ level }: { level: string }) {
  const common = { width: 28, height: 28, viewBox: '0 0 28 28', 'aria-hidden': true, focusable: false, className: 'level-icon' } as const;
  if (level === 'self_care') {
    return (
      <svg {...common}>
        <circle cx="14" cy="14" r="13" fill="currentColor" />
        <path d="M8 14.5l4 4 8-9" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  }
  if (level === 'contact_practitioner') {
    return (
      <svg {...common}>
        <circle cx="14" cy="14" r="13" fill="currentColor" />
        <rect x="12.5" y="6.5" width="3" height="10" rx="1.5" fill="#fff" />
        <circle cx="14" cy="20.5" r="1.8" fill="#fff" />
      </svg>
    );
  }
  if (level === 'see_doctor_today') {
    return (
      <svg {...common}>
        <path d="M14 1.5L26.5 24.5H1.5Z" fill="currentColor" />
        <rect x="12.5" y="9" width="3" height="8.5" rx="1.5" fill="#fff" />
        <circle cx="14" cy="21" r="1.8" fill="#fff" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="M9 1.5h10l7.5 7.5v10L19 26.5H9L1.5 19V9Z" fill="currentColor" />
      <rect x="12.5" y="6.5" width="3" height="10" rx="1.5" fill="#fff" />
      <circle cx="14" cy="20.5" r="1.8" fill="#fff" />
    </svg>
  );
}

/** Evidence-grade badges for a list of cited sources, with the full citations. */
export function SourceList({
  refs,
  sources,
}: {
  refs: readonly { id: string; grade: string; note?: string }[];
  sources: Readonly<Record<string, { citation: string; type: string; grade: string; verification: string }>>;
}) {
  if (refs.length === 0) return null;
  return (
    <ul className="after-sources">
      {refs.map((r) => (
        <li key={r.id}>
          <span className={`badge grade-${r.grade}`} title={`Evidence grade ${r.grade}`}>
            <span className="sr-only">Evidence grade </span>
            {r.grade}
          </span>{' '}
          {sources[r.id]?.citation ?? r.id}
          {r.note && <span className="hint"> — {r.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** "Sources disagree" boxes for conflict ids. */
export function ConflictBoxes({
  ids,
  conflicts,
}: {
  ids: readonly string[];
  conflicts: Readonly<Record<string, { topic: string; positions: readonly { summary: string; sources: readonly string[] }[]; resolution: string }>>;
}) {
  const list = ids.flatMap((id) => (conflicts[id] ? [{ id, ...conflicts[id] }] : []));
  if (list.length === 0) return null;
  return (
    <>
      {list.map((c) => (
        <div key={c.id} className="after-conflict">
          <p className="after-conflict-title">
            <span aria-hidden="true">⇄ </span>Sources disagree: {c.topic}
          </p>
          <p>
            <strong>What Primum advises:</strong> {c.resolution}
          </p>
          <details className="after-details">
            <summary>What each side says</summary>
            <ul>
              {c.positions.map((p) => (
                <li key={p.summary}>{p.summary}</li>
              ))}
            </ul>
          </details>
        </div>
      ))}
    </>
  );
}

/** The safety net: "if you notice X, do Y", most urgent first. */
export function SafetyNet({
  items,
  headingLevel = 2,
}: {
  items: readonly { level: string; label: string; timeFrame: string; words: string; signs: readonly { symptomId: string; label: string }[] }[];
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="safety-net" className="after-safety-net">
      <H id="safety-net">When to get help</H>
      <p>If you notice any of these at any time, do not wait for your next check-in.</p>
      {items.map((it) => (
        <div key={it.level} className={`after-net level-${it.level}`}>
          <Sub className="after-net-title">
            <LevelIcon level={it.level} />
            <span>
              {it.label} <span className="after-net-time">({it.timeFrame})</span>
            </span>
          </Sub>
          <p>{it.words}</p>
          <p className="hint">If you have:</p>
          <ul>
            {it.signs.map((s) => (
              <li key={s.symptomId}>{s.label}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function Issues({ issues }: { issues: readonly { path: string; message: string }[] }): ReactNode {
  if (issues.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>Primum could not use this yet:</strong>
      </p>
      <ul>
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            {i.path && !i.path.startsWith('(') ? `${i.path}: ` : ''}
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
