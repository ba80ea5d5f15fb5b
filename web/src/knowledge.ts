import { createContext, useContext, useEffect, useState } from 'react';
import { api, type KnowledgeSummary } from './api.ts';

/** The knowledge summary (version, review status, vocabulary), loaded once. */
export const KnowledgeContext = createContext<KnowledgeSummary | null>(null);
export const useKnowledge = (): KnowledgeSummary | null => useContext(KnowledgeContext);

export function useLoadKnowledge(): { kb: KnowledgeSummary | null; error: string | null } {
  const [kb, setKb] = useState<KnowledgeSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.knowledge().then((r) => (r.ok ? setKb(r.value) : setError(r.issues[0]?.message ?? 'Could not load Primum.')));
  }, []);
  return { kb, error };
}

/** The label of a vocabulary id, falling back to the id. */
export function labelOf(kb: KnowledgeSummary | null, vocab: keyof KnowledgeSummary['vocabulary'], id: string): string {
  return kb?.vocabulary[vocab].find((x) => x.id === id)?.label ?? id;
}
