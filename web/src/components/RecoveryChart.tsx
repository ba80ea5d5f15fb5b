// The recovery chart: what the person reported for redness, swelling and pain at each check-in, drawn against the
// band that Primum's knowledge expects to be normal on each day. Hand-drawn SVG, one small panel per symptom, with
// a text summary and a table for screen readers.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { KnowledgeSummary } from '../api.ts';
import { shortDate } from '../pages/after/shared.tsx';
import type { SavedCheckIn } from '../store.ts';
import '../pages/after/after.css';

type Shape = 'circle' | 'square' | 'triangle';
interface Series {
  key: string;
  symptoms: readonly string[];
  effect: string;
  colour: string;
  shape: Shape;
  shapeName: string;
  colourName: string;
}

/** Which reported symptoms make up each line, and which expected effect gives its band. */
const SERIES: readonly Series[] = [
  { key: 'redness', symptoms: ['redness'], effect: 'erythema_expected', colour: '#b91c1c', shape: 'circle', shapeName: 'circles', colourName: 'red' },
  { key: 'swelling', symptoms: ['swelling'], effect: 'oedema_expected', colour: '#1d4ed8', shape: 'square', shapeName: 'squares', colourName: 'blue' },
  { key: 'pain', symptoms: ['pain', 'tightness_stinging'], effect: 'tightness_stinging_itch_expected', colour: '#6b21a8', shape: 'triangle', shapeName: 'triangles', colourName: 'purple' },
];

const SEVERITIES = ['none', 'mild', 'moderate', 'severe'] as const;
const RANK: Record<string, number> = { mild: 1, moderate: 2, severe: 3 };

interface Point {
  day: number;
  at: string;
  /** 0..3, or null when the symptom was reported without a severity. */
  value: number | null;
}

interface ReportedSymptom {
  id: string;
  severity?: string;
}

/** The check-ins that went through the symptom step (a warning-signs-only check-in has no `symptoms`). */
function reported(c: SavedCheckIn): ReportedSymptom[] | null {
  const req = c.request as { symptoms?: unknown };
  return Array.isArray(req.symptoms) ? (req.symptoms as ReportedSymptom[]) : null;
}

export function seriesPoints(checkIns: readonly SavedCheckIn[]): Record<string, Point[]> {
  const out: Record<string, Point[]> = Object.fromEntries(SERIES.map((s) => [s.key, []]));
  const sorted = [...checkIns].sort((a, b) => a.result.hoursSinceTreatment - b.result.hoursSinceTreatment);
  for (const c of sorted) {
    const symptoms = reported(c);
    if (!symptoms) continue;
    const day = c.result.hoursSinceTreatment / 24;
    for (const s of SERIES) {
      const present = symptoms.filter((x) => s.symptoms.includes(x.id));
      const rated = present.map((x) => RANK[x.severity ?? ''] ?? 0).filter((v) => v > 0);
      const value = present.length === 0 ? 0 : rated.length > 0 ? Math.max(...rated) : null;
      out[s.key]?.push({ day, at: c.at, value });
    }
  }
  return out;
}

/** Plottable check-ins: those with a symptom step. */
export const hasChartData = (checkIns: readonly SavedCheckIn[]): boolean => checkIns.some((c) => reported(c) !== null);

/** The width of an element, kept up to date, so the chart's text stays at its real size on any screen. */
function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width;
      if (width) setW((prev) => (Math.abs(width - prev) > 1 ? Math.floor(width) : prev));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

function Marker({ shape, x, y, colour }: { shape: Shape; x: number; y: number; colour: string }) {
  if (shape === 'circle') return <circle cx={x} cy={y} r={5.5} fill={colour} stroke="#fff" strokeWidth={1.5} />;
  if (shape === 'square') return <rect x={x - 5} y={y - 5} width={10} height={10} fill={colour} stroke="#fff" strokeWidth={1.5} />;
  return <path d={`M${x} ${y - 6.5}L${x + 6.5} ${y + 5}H${x - 6.5}Z`} fill={colour} stroke="#fff" strokeWidth={1.5} />;
}

export function RecoveryChart({ checkIns, kb, headingLevel = 2 }: { checkIns: readonly SavedCheckIn[]; kb: KnowledgeSummary | null; headingLevel?: 2 | 3 }) {
  const [box, width] = useWidth<HTMLDivElement>(340);
  const points = seriesPoints(checkIns);
  const lastDay = Math.max(0, ...Object.values(points).flatMap((ps) => ps.map((p) => p.day)));
  const maxDay = Math.max(14, Math.ceil(lastDay) + 2);
  const label = (s: Series) =>
    s.key === 'pain' ? 'Pain or tightness' : (kb?.vocabulary.symptoms.find((v) => v.id === s.key)?.label ?? s.key);

  // Geometry: one panel per symptom, stacked, sharing the day axis.
  const left = 70;
  const right = 12;
  const panelH = 96;
  const gap = 54;
  const top = 26;
  const plotW = Math.max(120, width - left - right);
  const x = (d: number) => left + (Math.min(d, maxDay) / maxDay) * plotW;
  const y = (v: number, i: number) => top + i * (panelH + gap) + panelH - (v / 3) * panelH;
  const height = top + SERIES.length * (panelH + gap) - 8;
  const step = maxDay <= 16 ? (plotW < 300 ? 2 : 1) : plotW < 300 ? 7 : 2;
  const ticks: number[] = [];
  for (let d = 0; d <= maxDay; d += step) ticks.push(d);

  const H = headingLevel === 2 ? 'h2' : 'h3';
  const rows = [...checkIns]
    .filter((c) => reported(c) !== null)
    .sort((a, b) => a.result.hoursSinceTreatment - b.result.hoursSinceTreatment);
  const describe = (v: number | null | undefined) => (v === null || v === undefined ? 'reported, not rated' : SEVERITIES[v] ?? '');
  const latest = rows.at(-1);
  const latestIndex = rows.length - 1;

  return (
    <section className="rc" aria-labelledby="rc-h">
      <H id="rc-h">Your recovery so far</H>
      <p>Each mark is what you reported at a check-in, drawn against what is expected to be normal on that day.</p>
      {latest && (
        <p className="rc-latest">
          At your latest check-in (day {latest.result.day}, {shortDate(latest.at)}):{' '}
          {SERIES.map((s) => `${label(s).toLowerCase()} ${describe(points[s.key]?.[latestIndex]?.value)}`).join(', ')}.
        </p>
      )}
      <figure className="rc-figure">
        <div ref={box} className="rc-box">
          <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" className="rc-svg">
            {SERIES.map((s, i) => {
              const effect = kb?.expectedEffects.find((e) => e.id === s.effect);
              const ps = (points[s.key] ?? []).filter((p): p is Point & { value: number } => p.value !== null);
              const base = y(0, i);
              let band = '';
              if (effect) {
                const on = effect.onsetHours[0] / 24;
                const until = effect.normalUntilHours === null ? maxDay : effect.normalUntilHours / 24;
                const endCeil = effect.normalUntilHours === null ? 2 : 1;
                band = `M${x(on)} ${base}V${y(2, i)}L${x(until)} ${y(endCeil, i)}V${base}Z`;
              }
              return (
                <g key={s.key}>
                  <text x={left} y={top + i * (panelH + gap) - 10} className="rc-panel-title">
                    {label(s)}
                  </text>
                  {[0, 1, 2, 3].map((v) => (
                    <g key={v}>
                      <line x1={left} x2={left + plotW} y1={y(v, i)} y2={y(v, i)} className={v === 0 ? 'rc-axis' : 'rc-grid'} />
                      <text x={left - 6} y={y(v, i) + 4} textAnchor="end" className="rc-label">
                        {SEVERITIES[v]}
                      </text>
                    </g>
                  ))}
                  {band && <path d={band} fill={s.colour} fillOpacity={0.13} stroke={s.colour} strokeOpacity={0.45} strokeDasharray="4 3" />}
                  {ticks.map((d) => (
                    <g key={d}>
                      <line x1={x(d)} x2={x(d)} y1={base} y2={base + 4} className="rc-axis" />
                      <text x={x(d)} y={base + 16} textAnchor="middle" className="rc-label">
                        {d}
                      </text>
                    </g>
                  ))}
                  {ps.length > 1 && (
                    <polyline points={ps.map((p) => `${x(p.day)},${y(p.value, i)}`).join(' ')} fill="none" stroke={s.colour} strokeWidth={2.5} />
                  )}
                  {ps.map((p) => (
                    <Marker key={p.at} shape={s.shape} x={x(p.day)} y={y(p.value, i)} colour={s.colour} />
                  ))}
                </g>
              );
            })}
            <text x={left + plotW} y={height - 2} textAnchor="end" className="rc-label">
              days since treatment
            </text>
          </svg>
        </div>
        <figcaption className="rc-caption">
          <span className="rc-legend">
            {SERIES.map((s) => (
              <span key={s.key} className="rc-legend-item">
                <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <Marker shape={s.shape} x={8} y={8.5} colour={s.colour} />
                </svg>{' '}
                {label(s)}: {s.colourName} {s.shapeName}
              </span>
            ))}
          </span>{' '}
          Across: days since your treatment. Up: how bad it was. The shaded band is the range expected to be normal on
          each day, drawn from Primum&apos;s knowledge. It is a guide, not a diagnosis: your check-in result is what counts.
        </figcaption>
      </figure>
      <div className="sr-only">
      <table>
        <caption>What you reported at each check-in</caption>
        <thead>
          <tr>
            <th scope="col">Check-in</th>
            {SERIES.map((s) => (
              <th key={s.key} scope="col">
                {label(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c, idx) => (
            <tr key={c.at}>
              <th scope="row">
                Day {c.result.day}, {shortDate(c.at)}
              </th>
              {SERIES.map((s) => (
                <td key={s.key}>{describe(points[s.key]?.[idx]?.value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
