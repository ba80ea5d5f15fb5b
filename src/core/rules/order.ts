import { Level, Verdict } from '../knowledge/schema.js';

const VERDICTS = Verdict.options;
const LEVELS = Level.options;

export const verdictRank = (v: Verdict): number => VERDICTS.indexOf(v);
export const levelRank = (l: Level): number => LEVELS.indexOf(l);
export const maxVerdict = (a: Verdict, b: Verdict): Verdict => (verdictRank(a) >= verdictRank(b) ? a : b);
export const minVerdict = (a: Verdict, b: Verdict): Verdict => (verdictRank(a) <= verdictRank(b) ? a : b);
export const maxLevel = (a: Level, b: Level): Level => (levelRank(a) >= levelRank(b) ? a : b);
export const minLevel = (a: Level, b: Level): Level => (levelRank(a) <= levelRank(b) ? a : b);
