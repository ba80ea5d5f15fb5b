// A hand-drawn front view of a face with one clickable, focusable region per facial zone. It is a visual aid: every
// zone can also be chosen in the list next to it. Each region is coloured by the chosen depth against the zone's
// limit for the device and setting, and always carries a text label and a symbol too (never colour alone).
import type { KeyboardEvent } from 'react';

export type ZoneStatus = 'none' | 'chosen' | 'ok' | 'caution' | 'over' | 'blocked';

/** The drawing of each facial zone (left side; lateral zones are mirrored) and where its symbol goes. */
interface Shape {
  d: string;
  mirror: boolean;
  at: [number, number];
  small?: boolean;
}
const SHAPES: Record<string, Shape> = {
  forehead: { d: 'M74,118 C70,72 100,42 150,40 C200,42 230,72 226,118 Q150,106 74,118 Z', mirror: false, at: [150, 82] },
  temple: { d: 'M57,94 C63,88 69,90 72,100 L75,132 L56,138 C51,124 52,108 57,94 Z', mirror: true, at: [64, 118], small: true },
  upper_eyelid: { d: 'M86,148 Q108,134 130,148 L132,141 Q108,122 84,141 Z', mirror: true, at: [108, 137], small: true },
  periorbital_lower_lid: { d: 'M86,152 Q108,164 130,152 L134,158 Q110,182 84,160 Z', mirror: true, at: [109, 167], small: true },
  periorbital_lateral_crows_feet: { d: 'M58,142 L80,141 L84,156 L72,172 L58,160 Z', mirror: true, at: [70, 155], small: true },
  nose_dorsum: { d: 'M140,140 L160,140 L162,212 Q150,228 138,212 Z', mirror: false, at: [150, 178] },
  nose_sidewall_ala: { d: 'M134,198 L138,198 L139,226 C134,234 122,234 120,226 C118,216 126,208 134,198 Z', mirror: true, at: [129, 220], small: true },
  cheek_malar_zygomatic: { d: 'M58,180 L80,170 Q110,190 134,166 L133,196 Q98,206 62,216 Z', mirror: true, at: [96, 196] },
  cheek_medial_buccal: { d: 'M64,220 Q98,210 133,200 L134,206 C124,210 116,222 118,232 L113,246 L110,286 Q94,290 86,280 Q72,256 64,220 Z', mirror: true, at: [94, 248] },
  perioral_upper_lip: { d: 'M121,236 Q150,231 179,236 L186,257 Q150,250 114,257 Z', mirror: false, at: [150, 246], small: true },
  lip_vermilion: { d: 'M116,262 Q133,254 150,258 Q167,254 184,262 Q150,292 116,262 Z', mirror: false, at: [150, 268], small: true },
  chin: { d: 'M124,298 Q150,291 176,298 L178,326 Q150,344 122,326 Z', mirror: false, at: [150, 318] },
  jawline: { d: 'M134,370 L38,236 L66,232 Q76,284 104,308 Q120,328 138,342 Z', mirror: true, at: [93, 312], small: true },
};
const MIRROR = 'matrix(-1 0 0 1 300 0)';
const HEAD = 'M150,22 C212,22 250,68 252,140 C254,200 244,250 222,292 C202,330 176,356 150,358 C124,356 98,330 78,292 C56,250 46,200 48,140 C50,68 88,22 150,22 Z';

/** The facial zones the diagram can draw. */
export const FACE_ZONES: readonly string[] = Object.keys(SHAPES);

const SYMBOL: Record<ZoneStatus, string> = { none: '', chosen: '•', ok: '✓', caution: '!', over: '✕', blocked: '✕' };

export const STATUS_TEXT: Record<ZoneStatus, string> = {
  none: 'not chosen',
  chosen: 'chosen',
  ok: 'within the limit',
  caution: 'within the limit, extra care needed',
  over: 'deeper than the limit',
  blocked: 'not allowed for this device and setting',
};

export interface DiagramZone {
  id: string;
  label: string;
  status: ZoneStatus;
  /** Shown in the region's accessible name, e.g. "0.5 mm". */
  depthText: string;
  /** True when the zone is not allowed for this device and setting, even if not chosen. */
  blocked: boolean;
}

export function FaceDiagram(props: { zones: readonly DiagramZone[]; onPick: (zone: string) => void; titleId: string }) {
  const { zones, onPick, titleId } = props;
  const onKey = (e: KeyboardEvent, zone: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(zone);
    }
  };
  return (
    <svg className="face-diagram" viewBox="0 0 300 384" role="group" aria-labelledby={titleId}>
      <defs>
        <clipPath id="face-clip">
          <path d={HEAD} />
        </clipPath>
        <pattern id="face-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#f3f4f6" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
        </pattern>
        <pattern id="face-hatch-over" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fecaca" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#991b1b" strokeWidth="2" />
        </pattern>
      </defs>
      <g className="face-outline" aria-hidden="true">
        <path d="M112,340 L110,384 M188,340 L190,384" />
        <path d="M50,146 C34,140 30,176 40,198 C44,208 52,208 55,200 Z M250,146 C266,140 270,176 260,198 C256,208 248,208 245,200 Z" />
        <path className="face-head" d={HEAD} />
      </g>
      {zones.map((z) => {
        const s = SHAPES[z.id];
        if (!s) return null;
        const status = z.status === 'none' && z.blocked ? 'blocked' : z.status;
        const name = `${z.label}: ${z.status === 'none' ? (z.blocked ? 'not chosen, not allowed for this device and setting' : 'not chosen') : `${z.depthText}, ${STATUS_TEXT[z.status]}`}. Go to its depth field.`;
        const symbolAt = (mirror: boolean): [number, number] => (mirror ? [300 - s.at[0], s.at[1]] : s.at);
        return (
          <g
            key={z.id}
            className={`face-zone face-zone-${status}${z.status === 'none' ? '' : ' face-zone-picked'}`}
            role="button"
            tabIndex={0}
            aria-label={name}
            onClick={() => onPick(z.id)}
            onKeyDown={(e) => onKey(e, z.id)}
          >
            <title>{name}</title>
            <g clipPath="url(#face-clip)">
              <path d={s.d} />
              {s.mirror && <path d={s.d} transform={MIRROR} />}
            </g>
            {z.status !== 'none' &&
              [false, ...(s.mirror ? [true] : [])].map((m) => {
                const [x, y] = symbolAt(m);
                return (
                  <text key={String(m)} x={x} y={y} className={s.small ? 'face-symbol face-symbol-small' : 'face-symbol'} aria-hidden="true">
                    {SYMBOL[z.status]}
                  </text>
                );
              })}
          </g>
        );
      })}
      <g className="face-features" aria-hidden="true">
        <path d="M86,150 Q108,136 130,150 Q108,162 86,150 Z M170,150 Q192,136 214,150 Q192,162 170,150 Z" />
        <circle cx="108" cy="149" r="4.5" />
        <circle cx="192" cy="149" r="4.5" />
        <path className="face-line" d="M140,226 Q150,232 160,226" />
      </g>
    </svg>
  );
}

/** A small key explaining the colours and symbols. */
export function FaceLegend() {
  const items: [ZoneStatus, string][] = [
    ['ok', 'Within the limit'],
    ['caution', 'Within the limit, extra care needed'],
    ['over', 'Deeper than the limit'],
    ['blocked', 'Not allowed for this device and setting'],
    ['none', 'Not chosen'],
  ];
  return (
    <ul className="face-legend">
      {items.map(([s, text]) => (
        <li key={s}>
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" className={`face-zone face-zone-${s}`}>
            <rect x="1" y="1" width="18" height="18" rx="3" />
            {SYMBOL[s] && <text x="10" y="11" className="face-symbol face-symbol-small">{SYMBOL[s]}</text>}
          </svg>
          {text}
        </li>
      ))}
    </ul>
  );
}
