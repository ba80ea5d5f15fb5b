// Everything a person enters stays in this browser (localStorage). Nothing is kept on the server.
import { useCallback, useEffect, useState } from 'react';
import type { ScreeningResult, TriageResult } from './api.ts';

const KEY = 'primum.v1';

export interface ScreeningAnswers {
  [key: string]: unknown;
}
export interface SavedCheckIn {
  at: string;
  request: unknown;
  result: TriageResult;
}
export interface SavedData {
  screeningAnswers: ScreeningAnswers;
  screening?: { request: unknown; result: ScreeningResult; at: string };
  treatment?: { treatment: Record<string, unknown>; person: Record<string, unknown> };
  checkIns: SavedCheckIn[];
}

const EMPTY: SavedData = { screeningAnswers: {}, checkIns: [] };

export function load(): SavedData {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? { ...EMPTY, ...(JSON.parse(raw) as Partial<SavedData>) } : { ...EMPTY };
  } catch {
    return { ...EMPTY };
  }
}

function save(data: SavedData): void {
  window.localStorage.setItem(KEY, JSON.stringify(data));
  window.dispatchEvent(new Event('primum:data'));
}

/** The saved data and a function to change it; every component sees the same data. */
export function useData(): [SavedData, (update: (d: SavedData) => SavedData) => void] {
  const [data, setData] = useState<SavedData>(load);
  useEffect(() => {
    const on = () => setData(load());
    window.addEventListener('primum:data', on);
    window.addEventListener('storage', on);
    return () => {
      window.removeEventListener('primum:data', on);
      window.removeEventListener('storage', on);
    };
  }, []);
  const update = useCallback((fn: (d: SavedData) => SavedData) => save(fn(load())), []);
  return [data, update];
}

export function exportJson(): Blob {
  return new Blob([JSON.stringify(load(), null, 2)], { type: 'application/json' });
}

export function deleteAll(): void {
  window.localStorage.removeItem(KEY);
  window.dispatchEvent(new Event('primum:data'));
}
