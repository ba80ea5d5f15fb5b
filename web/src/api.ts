// Thin client for Primum's API. Types come from the engine (type-only imports: nothing of the server is bundled).
import type { AftercarePlan } from '../../src/core/aftercare/engine.ts';
import type { FactLabel, TextTemplate } from '../../src/core/knowledge/schema.ts';
import type { ScreeningResult } from '../../src/core/screening/engine.ts';
import type { TriageResult } from '../../src/core/triage/engine.ts';

export type { AftercarePlan, ScreeningResult, TriageResult };

export interface Issue {
  path: string;
  message: string;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface VocabEntry {
  id: string;
  label: string;
  description: string;
  [extra: string]: unknown;
}
export interface KnowledgeSummary {
  version: string;
  hash: string;
  clinicalReview: string;
  intendedUse: string;
  emergencyNotice: string;
  reviewNotice: string | null;
  vocabulary: Record<'devices' | 'zones' | 'indications' | 'conditions' | 'medications' | 'procedures' | 'products' | 'symptoms', VocabEntry[]>;
  fitzpatrick: { question: string; answers: { id: string; type: number; label: string; description: string }[] };
  levels: { id: string; label: string; timeFrame: string; words: string }[];
  verdicts: { id: string; label: string; words: string }[];
  checkIns: { id: string; hours: number; label: string; why: string }[];
  expectedEffects: { id: string; label: string; course: string; onsetHours: [number, number | null]; normalUntilHours: number | null; symptoms: string[] }[];
  sources: Record<string, { citation: string; name?: string; type: string; grade: string; verification: string }>;
  /** The knowledge's sentence templates (filled with src/core/common/text.ts) and the words for each fact. */
  texts: TextTemplate[];
  factLabels: FactLabel[];
}

export interface ZoneLimit {
  zone: string;
  maxMm: number;
  cautionFromMm: number | null;
}

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { ok: false, issues: [{ path: '(network)', message: 'Primum could not be reached. Check your connection and try again.' }] };
  }
  if (res.ok) return { ok: true, value: (await res.json()) as T };
  try {
    const body = (await res.json()) as { issues?: Issue[] };
    return { ok: false, issues: body.issues ?? [{ path: '(server)', message: `The server answered ${res.status}.` }] };
  } catch {
    return { ok: false, issues: [{ path: '(server)', message: `The server answered ${res.status}.` }] };
  }
}

const postJson = <T>(url: string, body: unknown) =>
  call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  knowledge: () => call<KnowledgeSummary>('/api/v1/knowledge'),
  zoneLimits: (device: string, setting: string, operator?: string) =>
    call<{ zones: ZoneLimit[] }>(`/api/v1/zone-limits?${new URLSearchParams({ device, setting, ...(operator ? { operator } : {}) }).toString()}`),
  screen: (body: unknown) => postJson<ScreeningResult>('/api/v1/screenings', body),
  aftercare: (body: unknown) => postJson<AftercarePlan>('/api/v1/aftercare-plans', body),
  triage: (body: unknown) => postJson<TriageResult>('/api/v1/triage', body),
  /** The plan as an .ics file (a Blob to download). */
  calendar: async (body: unknown): Promise<Blob | null> => {
    const res = await fetch('/api/v1/aftercare-plans', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/calendar' }, body: JSON.stringify(body) });
    return res.ok ? res.blob() : null;
  },
  /** The screening report as a PDF (a Blob to download). */
  reportPdf: async (body: unknown): Promise<Blob | null> => {
    const res = await fetch('/api/v1/screenings/report.pdf', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return res.ok ? res.blob() : null;
  },
};

/** Saves a Blob as a file in the browser. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
