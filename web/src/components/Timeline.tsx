// The aftercare timeline: day 0 to the end of the plan, today highlighted, "normal until" bars for each expected
// effect, avoid windows, check-ins and the next session. Every bar has its words next to it, so the list of rows is
// its own text alternative; the bars themselves are decorative.
import type { CSSProperties } from 'react';
import type { AftercarePlan } from '../api.ts';
import { dateTime, shortDate } from '../pages/after/shared.tsx';
import '../pages/after/after.css';

const HOUR_MS = 3_600_000;

function tickStep(days: number): number {
  if (days <= 10) return 1;
  if (days <= 21) return 2;
  if (days <= 60) return 7;
  return 14;
}

export function Timeline({ plan, today }: { plan: AftercarePlan; today: number }) {
  const t0 = Date.parse(plan.treatedAt);
  const lastDay = Math.max(0, plan.days.length - 1);
  const span = lastDay + 1; // days shown: day 0 .. lastDay, each a full 24 hours
  const dayAt = (iso: string) => (Date.parse(iso) - t0) / HOUR_MS / 24;
  const pct = (d: number) => `${(Math.min(Math.max(d, 0), span) / span) * 100}%`;
  const bar = (from: number, to: number): CSSProperties => ({ left: pct(from), width: `calc(${pct(to)} - ${pct(from)})` });
  const dateOfDay = (d: number) => plan.days[d]?.date ?? new Date(t0 + d * 24 * HOUR_MS).toISOString().slice(0, 10);

  /** Labels near either end of the axis are aligned inwards so they never stick out of the box. */
  const edge = (d: number, room = 0.03) => (d + 0.5 < span * room ? ' tl-at-start' : d + 0.5 > span * (1 - room) ? ' tl-at-end' : '');
  const step = tickStep(span);
  const ticks: number[] = [];
  for (let d = 0; d <= lastDay; d += step) ticks.push(d);

  const avoids = plan.instructions.filter((i) => i.type === 'avoid' && i.until !== null);
  const next = plan.nextSession.earliestDate;
  const nextDay = next ? Math.round((Date.parse(`${next}T00:00:00Z`) - Date.parse(`${plan.days[0]?.date ?? next}T00:00:00Z`)) / (24 * HOUR_MS)) : null;
  const todayIn = today >= 0 && today <= lastDay;
  /** Today's column, drawn on the axis and on every bar's track. */
  const slot = todayIn ? <span className="tl-today-slot" style={bar(today, today + 1)} /> : null;

  return (
    <div className="tl" id="timeline">
      <p className="tl-summary">
        Day 0 is the day of your treatment ({shortDate(plan.treatedAt)}). The plan runs to day {lastDay} ({shortDate(dateOfDay(lastDay))}).{' '}
        {todayIn ? (
          <strong>Today is day {today}.</strong>
        ) : today < 0 ? (
          <strong>Your treatment is still to come.</strong>
        ) : (
          <strong>Today (day {today}) is after the end of this plan.</strong>
        )}
      </p>
      <div className="tl-chart">
        <div className="tl-axis" aria-hidden="true">
          {ticks.map((d) => (
            <span key={d} className={`tl-tick${d === 0 ? ' tl-at-start' : edge(d, 0.06)}`} style={{ left: pct(d + 0.5) }}>
              {d === 0 ? 'Day 0' : d}
            </span>
          ))}
          {slot}
        </div>
        {todayIn && (
          <div className="tl-today-row">
            <span className={`tl-today-label${edge(today, 0.08)}`} style={{ left: pct(today + 0.5) }}>
              <span>Today</span>
              <span className="sr-only">: day {today}, {shortDate(new Date().toISOString())}</span>
            </span>
          </div>
        )}

        <h3 className="tl-group">What is normal, and until when</h3>
        <ul className="tl-rows">
          {plan.expected.map((e) => {
            const from = dayAt(e.from);
            const to = e.normalUntil ? dayAt(e.normalUntil) : span;
            // The last day that can still be normal: the day of the instant just before the window ends.
            const lastNormal = e.normalUntil ? Math.max(0, Math.ceil(to) - 1) : null;
            const lastNormalDate = e.normalUntil ? new Date(Date.parse(e.normalUntil) - 1).toISOString() : '';
            return (
              <li key={e.effectId} className="tl-row">
                <span className="tl-text">
                  <strong>{e.label}</strong>:{' '}
                  {lastNormal === null ? 'can be normal with no fixed end' : `normal until day ${lastNormal} (${shortDate(lastNormalDate)})`}
                  {from >= 1 ? `, from day ${Math.floor(from)}` : ''}
                </span>
                <span className="tl-track" aria-hidden="true">
                  <span className="tl-bar tl-bar-normal" style={bar(from, to)} />
                  {slot}
                </span>
              </li>
            );
          })}
        </ul>

        {avoids.length > 0 && (
          <>
            <h3 className="tl-group">What to avoid, and until when</h3>
            <ul className="tl-rows">
              {avoids.map((i) => {
                const from = dayAt(i.from);
                const to = dayAt(i.until ?? i.from);
                const min = i.minimumUntil ? dayAt(i.minimumUntil) : null;
                return (
                  <li key={i.ruleId} className="tl-row">
                    <span className="tl-text">
                      <strong>{i.title}</strong>: until day {Math.floor(to)} ({dateTime(i.until ?? i.from)}){i.untilNote ? `, ${i.untilNote}` : ''}
                      {min !== null && i.minimumUntil && (
                        <>
                          ; at the very least until day {Math.floor(min)} ({dateTime(i.minimumUntil)})
                        </>
                      )}
                    </span>
                    <span className="tl-track" aria-hidden="true">
                      <span className="tl-bar tl-bar-avoid" style={bar(from, to)} />
                      {min !== null && <span className="tl-min" style={{ left: pct(min) }} />}
                      {slot}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}

        <h3 className="tl-group">Check-ins and your next session</h3>
        <ul className="tl-rows">
          <li className="tl-row">
            <span className="tl-text">
              <strong>Check-ins</strong>: {plan.checkIns.map((c) => `day ${c.day} (${shortDate(c.at)})`).join(', ') || 'none planned'}
            </span>
            <span className="tl-track tl-track-points" aria-hidden="true">
              {slot}
              {plan.checkIns.map((c) => (
                <span key={c.id} className={`tl-point${edge(c.day)}`} style={{ left: pct(c.day + 0.5) }}>
                  <span className="tl-diamond" />
                  <span className="tl-point-label">{c.day}</span>
                </span>
              ))}
            </span>
          </li>
          <li className="tl-row">
            <span className="tl-text">
              <strong>Next session</strong>:{' '}
              {next && nextDay !== null ? `not before ${shortDate(next)} (day ${nextDay})` : 'no date until a clinician has reviewed how you healed'}
            </span>
            {next && nextDay !== null && nextDay <= lastDay && (
              <span className="tl-track tl-track-points" aria-hidden="true">
                {slot}
                <span className={`tl-point${edge(nextDay)}`} style={{ left: pct(nextDay + 0.5) }}>
                  <span className="tl-circle" />
                </span>
              </span>
            )}
          </li>
        </ul>
      </div>
      <p className="tl-key hint">
        <span className="tl-key-item"><span className="tl-swatch tl-bar-normal" aria-hidden="true" /> can be normal</span>
        <span className="tl-key-item"><span className="tl-swatch tl-bar-avoid" aria-hidden="true" /> avoid</span>
        <span className="tl-key-item"><span className="tl-swatch tl-swatch-min" aria-hidden="true" /> at the very least until</span>
        <span className="tl-key-item"><span className="tl-swatch tl-swatch-checkin" aria-hidden="true" /> check-in</span>
        <span className="tl-key-item"><span className="tl-swatch tl-swatch-next" aria-hidden="true" /> next session</span>
      </p>
    </div>
  );
}
