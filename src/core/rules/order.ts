import { Level, Verdict } from '../knowledge/schema.js';

const VERDICTS = Verdict.options;
const LEVELS = Level.options;

const VERDICT_RANK = Object.fromEntries(VERDICTS.map((v, i) => [v, i])) as Record<Verdict, number>;
const LEVEL_RANK = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>;

export const verdictRank = (v: Verdict): number => VERDICT_RANK[v];
export const levelRank = (l: Level): number => LEVEL_RANK[l];
export const maxVerdict = (a: Verdict, b: Verdict): Verdict => (verdictRank(a) >= verdictRank(b) ? a : b);
export const minVerdict = (a: Verdict, b: Verdict): Verdict => (verdictRank(a) <= verdictRank(b) ? a : b);
export const maxLevel = (a: Level, b: Level): Level => (levelRank(a) >= levelRank(b) ? a : b);
export const minLevel = (a: Level, b: Level): Level => (levelRank(a) <= levelRank(b) ? a : b);
