import { z } from 'zod';

/** A literal a fact can be compared with. */
export const Scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof Scalar>;

/** The right-hand side of a numeric comparison: a number or another fact (the validator checks it is numeric). */
export const Operand = z.union([Scalar, z.strictObject({ fact: z.string() })]);
export type Operand = z.infer<typeof Operand>;

/**
 * One test on one fact. Exactly one operator per predicate.
 * A fact that is unknown makes the predicate unknown; a fact that does not apply
 * (for example a procedure the person never had) makes every predicate false
 * except `present: false`.
 */
export const Predicate = z
  .strictObject({
    fact: z.string().min(1),
    eq: Scalar.optional(),
    ne: Scalar.optional(),
    in: z.array(Scalar).min(1).optional(),
    gt: Operand.optional(),
    gte: Operand.optional(),
    lt: Operand.optional(),
    lte: Operand.optional(),
    present: z.boolean().optional(),
  })
  .refine(
    (p) => ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'present'].filter((k) => k in p).length === 1,
    { message: 'a predicate needs exactly one of eq, ne, in, gt, gte, lt, lte, present' },
  );
export type Predicate = z.infer<typeof Predicate>;

export type Condition = Predicate | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    Predicate,
  ]),
);
