import type { z } from 'zod';
import { parseWith, type Result } from './result.js';

export type Clock = () => string;


/** A use-case: validate the raw request with one schema, then run a pure engine with the injected clock. */
export interface UseCase<I, O> {
  readonly schema: unknown;
  parse: (raw: unknown) => Result<I>;
  run: (raw: unknown) => Result<O>;
}

export function useCase<I, O>(schema: z.ZodType<I>, engine: (input: I, now: string) => O, clock: Clock): UseCase<I, O> {
  const parse = (raw: unknown): Result<I> => parseWith(schema, raw);
  return {
    schema,
    parse,
    run(raw) {
      const p = parse(raw);
      return p.ok ? { ok: true, value: engine(p.value, clock()) } : p;
    },
  };
}
