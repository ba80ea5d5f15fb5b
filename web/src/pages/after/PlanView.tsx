// The aftercare plan: timeline, today, every instruction with its reasons and sources, next session, safety net.
import type { ReactNode } from 'react';
import type { AftercarePlan, KnowledgeSummary } from '../../api.ts';
import { Timeline } from '../../components/Timeline.tsx';
import { href } from '../../router.ts';
import { ConflictBoxes, dateTime, SafetyNet, shortDate, SourceList } from './shared.tsx';

type Instruction = AftercarePlan['instructions'][number];

function windowText(i: Instruction, t0: number): string {
  const day = (iso: string) => Math.floor((Date.parse(iso) - t0) / 3_600_000 / 24);
  const from = Date.parse(i.from) - t0 > 60_000 ? `From day ${day(i.from)} (${dateTime(i.from)})` : 'From the end of your treatment';
  const until = i.until === null ? (i.untilNote ? '' : ', with no fixed end') : ` until day ${day(i.until)} (${dateTime(i.until)})`;
  return `${from}${until}${i.untilNote ? `, ${i.untilNote}` : ''}.`;
}

function InstructionItem({ i, plan, kb }: { i: Instruction; plan: AftercarePlan; kb: KnowledgeSummary | null }) {
  const t0 = Date.parse(plan.treatedAt);
  const product = (id: string) => kb?.vocabulary.products.find((p) => p.id === id)?.label ?? id;
  return (
    <li className={`after-instruction after-${i.type}`}>
      <h3>
        <span className={`after-tag after-tag-${i.type}`}>
          <span aria-hidden="true">{i.type === 'do' ? '✓ ' : '✕ '}</span>
          {i.type === 'do' ? 'Do' : 'Avoid'}
        </span>{' '}
        {i.title}
      </h3>
      <p className="after-when">
        {windowText(i, t0)}
        {i.minimumUntil && <> At the very least until {dateTime(i.minimumUntil)}.</>}
      </p>
      <p>{i.advice}</p>
      {i.personalised.length > 0 && (
        <div className="after-personal">
          <p className="after-personal-title">Why this is different for you</p>
          <ul>
            {i.personalised.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {i.useProducts.length > 0 && <p><strong>Good to use:</strong> {i.useProducts.map(product).join(', ')}.</p>}
      {i.avoidProducts.length > 0 && <p><strong>Do not use:</strong> {i.avoidProducts.map(product).join(', ')}.</p>}
      <ConflictBoxes ids={i.conflicts} conflicts={plan.conflicts} />
      {i.sources.length > 0 && (
        <details className="after-details">
          <summary>Sources ({i.sources.length})</summary>
          <SourceList refs={i.sources} sources={plan.sources} />
        </details>
      )}
    </li>
  );
}

export function PlanView({ plan, kb, today, chart }: { plan: AftercarePlan; kb: KnowledgeSummary | null; today: number; chart?: ReactNode }) {
  const byId = new Map(plan.instructions.map((i) => [i.ruleId, i]));
  const lastDay = plan.days.length - 1;
  const day = plan.days[Math.min(Math.max(today, 0), lastDay)];
  const titleOf = (id: string) => byId.get(id)?.title ?? id;
  const does = plan.instructions.filter((i) => i.type === 'do');
  const avoids = plan.instructions.filter((i) => i.type === 'avoid');
  return (
    <>
      <section aria-labelledby="tl-h">
        <h2 id="tl-h">Your recovery timeline</h2>
        <Timeline plan={plan} today={today} />
      </section>

      {day && (
        <section aria-labelledby="today-h" className="after-today">
          <h2 id="today-h">
            {today >= 0 && today <= lastDay ? `Today: day ${today}` : today < 0 ? 'On the day of your treatment' : `The last day of the plan: day ${lastDay}`}{' '}
            <span className="after-today-date">({today >= 0 && today <= lastDay ? shortDate(new Date().toISOString()) : shortDate(day.date)})</span>
          </h2>
          {day.checkIn && (
            <p className="notice notice-info">
              <strong>{day.checkIn.label} is due today.</strong> {day.checkIn.why} <a href={href('check-in')}>Start your {day.checkIn.label.toLowerCase()}</a>
            </p>
          )}
          <div className="after-today-grid">
            <div>
              <h3>What can be normal today</h3>
              {day.normal.length === 0 ? (
                <p>Nothing in particular: your skin should look and feel as it did before the treatment.</p>
              ) : (
                <ul>
                  {day.normal.map((n) => (
                    <li key={n.effectId}>
                      {n.label}
                      {n.lastNormalDay !== null && <span className="hint"> — normal until day {n.lastNormalDay}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3>What to do</h3>
              {day.do.length === 0 ? <p>Nothing extra today.</p> : <ul>{day.do.map((id) => <li key={id}>{titleOf(id)}</li>)}</ul>}
            </div>
            <div>
              <h3>What to avoid</h3>
              {day.avoid.length === 0 ? <p>Nothing to avoid today.</p> : <ul>{day.avoid.map((id) => <li key={id}>{titleOf(id)}</li>)}</ul>}
              {day.ends.length > 0 && (
                <p className="hint">
                  Ending today: {day.ends.map(titleOf).join('; ')}.
                </p>
              )}
            </div>
          </div>
        </section>
      )}

      {chart}

      <section aria-labelledby="next-h">
        <h2 id="next-h">Your next session</h2>
        {plan.nextSession.earliestDate ? (
          <p className="after-next">
            Not before <strong>{shortDate(plan.nextSession.earliestDate)}</strong>
            {plan.nextSession.minIntervalDays !== null && <> ({plan.nextSession.minIntervalDays} days after this one)</>}.
            {plan.nextSession.defaultIntervalDays !== null && plan.nextSession.defaultIntervalDays !== plan.nextSession.minIntervalDays && (
              <> A usual gap is {plan.nextSession.defaultIntervalDays} days.</>
            )}
          </p>
        ) : (
          <p className="after-next">
            <strong>No date until reviewed.</strong> A problem from this treatment must be checked by a clinician before
            another session is planned.
          </p>
        )}
        {plan.nextSession.advice.length > 0 && (
          <ul>
            {plan.nextSession.advice.map((a) => (
              <li key={a.ruleId}>{a.advice}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="all-h">
        <h2 id="all-h">All your aftercare instructions</h2>
        <p>
          {does.length} things to do and {avoids.length} things to avoid. Each says for how long, why, and which studies
          or guidance it rests on.
        </p>
        <ul className="after-instructions">
          {[...avoids, ...does].map((i) => (
            <InstructionItem key={i.ruleId} i={i} plan={plan} kb={kb} />
          ))}
        </ul>
      </section>

      <SafetyNet items={plan.safetyNet} />
    </>
  );
}
