import { useEffect, useState } from 'react';
import { api, download, type AftercarePlan, type Issue } from '../api.ts';
import { hasChartData, RecoveryChart } from '../components/RecoveryChart.tsx';
import { labelOf, useKnowledge } from '../knowledge.ts';
import { href } from '../router.ts';
import { useData } from '../store.ts';
import './after/after.css';
import { PlanView } from './after/PlanView.tsx';
import { dateTime, dayIndex, Issues, type SavedTreatment } from './after/shared.tsx';
import { TreatmentForm } from './after/TreatmentForm.tsx';

/** The plan for a saved treatment, fetched again whenever the treatment changes. */
function usePlan(treatment: SavedTreatment | undefined, given: { key: string; plan: AftercarePlan } | null) {
  const key = treatment ? JSON.stringify(treatment) : '';
  const [state, setState] = useState<{ key: string; plan: AftercarePlan | null; issues: Issue[] }>({ key: '', plan: null, issues: [] });
  useEffect(() => {
    if (!key || !treatment) return;
    if (given?.key === key) {
      setState({ key, plan: given.plan, issues: [] });
      return;
    }
    let live = true;
    void api.aftercare(treatment).then((r) => {
      if (live) setState(r.ok ? { key, plan: r.value, issues: [] } : { key, plan: null, issues: r.issues });
    });
    return () => {
      live = false;
    };
    // `treatment` is represented by `key`.
  }, [key, given]);
  return state.key === key ? state : { key, plan: null, issues: [] };
}

export default function Aftercare(_props: { step?: string }) {
  const kb = useKnowledge();
  const [data, update] = useData();
  const [editing, setEditing] = useState(false);
  const [given, setGiven] = useState<{ key: string; plan: AftercarePlan } | null>(null);
  const [calendar, setCalendar] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const saved = data.treatment;
  const { plan, issues } = usePlan(saved, given);

  if (!kb) return <p aria-live="polite">Loading…</p>;

  const showForm = !saved || editing;
  const t = saved?.treatment;
  const treatedAt = typeof t?.treatedAt === 'string' ? t.treatedAt : null;
  const today = treatedAt ? dayIndex(treatedAt) : 0;
  const checkIns = treatedAt
    ? data.checkIns.filter((c) => (c.request as { treatment?: { treatedAt?: string } }).treatment?.treatedAt === treatedAt)
    : [];

  async function downloadCalendar() {
    if (!saved) return;
    setCalendar('busy');
    const blob = await api.calendar(saved);
    if (blob) {
      download(blob, 'primum-aftercare.ics');
      setCalendar('done');
    } else setCalendar('failed');
  }

  return (
    <article className="after">
      <h1>Your aftercare plan</h1>
      {showForm ? (
        <>
          {!saved && (
            <p className="lead">
              What to do and avoid each day, what is normal and until when, and when your next session can be. First,
              tell Primum about your treatment.
            </p>
          )}
          <TreatmentForm
            kb={kb}
            saved={saved}
            screening={data.screening}
            onCancel={saved ? () => setEditing(false) : undefined}
            onSaved={(tr, p) => {
              setGiven({ key: JSON.stringify(tr), plan: p });
              update((d) => ({ ...d, treatment: tr }));
              setEditing(false);
            }}
          />
        </>
      ) : (
        <>
          <p className="lead">
            For your treatment with a {labelOf(kb, 'devices', typeof t?.device === 'string' ? t.device : '').toLowerCase()}
            {t?.setting === 'home' ? ' at home' : t?.setting === 'clinic' ? ' at a clinic' : ''}, which ended{' '}
            {treatedAt ? dateTime(treatedAt) : '…'}. Treated:{' '}
            {Array.isArray(t?.zones)
              ? (t.zones as { zone: string; depthMm: number }[]).map((z) => `${labelOf(kb, 'zones', z.zone).toLowerCase()} (${z.depthMm} mm)`).join(', ')
              : ''}
            .
          </p>
          <div className="actions">
            <button type="button" onClick={() => void downloadCalendar()} disabled={!plan || calendar === 'busy'}>
              Download calendar (.ics)
            </button>
            <a className="button secondary" href={href('check-in')}>
              Check in now
            </a>
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Edit treatment
            </button>
          </div>
          <div aria-live="polite" className="after-live">
            {calendar === 'done' && (
              <p className="hint">
                Calendar downloaded: open primum-aftercare.ics to add your check-ins, the end of each &quot;avoid&quot; window and your
                next session to your calendar.
              </p>
            )}
          </div>
          {calendar === 'failed' && (
            <p className="notice notice-error" role="alert">
              The calendar could not be made. Check your connection and try again.
            </p>
          )}
          <Issues issues={issues} />
          {!plan && issues.length === 0 && <p aria-live="polite">Working out your plan…</p>}
          {plan && (
            <>
              <PlanView plan={plan} kb={kb} today={today} chart={hasChartData(checkIns) ? <RecoveryChart checkIns={checkIns} kb={kb} /> : null} />
              {plan.notices.review && <p className="notice notice-info">{plan.notices.review}</p>}
              <p className="hint">
                Worked out with Primum&apos;s knowledge version {plan.stamp.knowledgeVersion} ({plan.stamp.clinicalReview}).
              </p>
            </>
          )}
        </>
      )}
    </article>
  );
}
