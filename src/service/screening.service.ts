import type { Knowledge } from '../core/knowledge/compile.js';
import { screen, type ScreeningResult } from '../core/screening/engine.js';
import { screeningInputSchema, type ScreeningInput } from '../core/screening/input.js';
import { parseWith, type Result } from './result.js';

export type Clock = () => string;

export interface ScreeningService {
  readonly schema: ReturnType<typeof screeningInputSchema>;
  parse(raw: unknown): Result<ScreeningInput>;
  screen(raw: unknown): Result<ScreeningResult>;
}

/** Validates a screening request and runs the engine with the injected clock. */
export function createScreeningService(kb: Knowledge, clock: Clock): ScreeningService {
  const schema = screeningInputSchema(kb);
  const parse = (raw: unknown) => parseWith(schema, raw);
  return {
    schema,
    parse,
    screen(raw) {
      const p = parse(raw);
      return p.ok ? { ok: true, value: screen(kb, p.value, { now: clock() }) } : p;
    },
  };
}
