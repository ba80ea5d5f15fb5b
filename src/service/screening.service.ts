import type { Knowledge } from '../core/knowledge/compile.js';
import { screen, type ScreeningResult } from '../core/screening/engine.js';
import { screeningInputSchema, type ScreeningInput } from '../core/screening/input.js';
import type { Result } from './result.js';
import { useCase, type Clock } from './use-case.js';

export type { Clock } from './use-case.js';

export interface ScreeningService {
  readonly schema: ReturnType<typeof screeningInputSchema>;
  parse: (raw: unknown) => Result<ScreeningInput>;
  screen: (raw: unknown) => Result<ScreeningResult>;
}

/** Validates a screening request and runs the engine with the injected clock. */
export function createScreeningService(kb: Knowledge, clock: Clock): ScreeningService {
  const schema = screeningInputSchema(kb);
  const uc = useCase(schema, (input: ScreeningInput, now) => screen(kb, input, { now }), clock);
  return { schema, parse: uc.parse, screen: uc.run };
}
