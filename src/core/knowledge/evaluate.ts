import type { Condition, Operand, Predicate, Scalar } from './condition.js';

/** A fact the person could not answer. */
export const UNKNOWN = 'unknown' as const;
/**
 * A fact's value: a scalar, the string `unknown` (no fact vocabulary uses it as a value), or null
 * when the fact does not apply (absent).
 */
export type FactValue = Scalar | null;
export type Facts = ReadonlyMap<string, FactValue>;
/** Three-valued truth. */
export type Tri = boolean | typeof UNKNOWN;

const isPredicate = (c: Condition): c is Predicate => 'fact' in c;

function operand(o: Operand, facts: Facts): number | typeof UNKNOWN | null {
  if (typeof o === 'number') return o;
  if (typeof o !== 'object') return null;
  const v = facts.get(o.fact) ?? null;
  if (v === UNKNOWN) return UNKNOWN;
  return typeof v === 'number' ? v : null;
}

function compare(v: number, p: Predicate, facts: Facts): Tri {
  const pairs: [Operand | undefined, (a: number, b: number) => boolean][] = [
    [p.gt, (a, b) => a > b],
    [p.gte, (a, b) => a >= b],
    [p.lt, (a, b) => a < b],
    [p.lte, (a, b) => a <= b],
  ];
  for (const [o, fn] of pairs) {
    if (o === undefined) continue;
    const rhs = operand(o, facts);
    if (rhs === UNKNOWN) return UNKNOWN;
    return rhs === null ? false : fn(v, rhs);
  }
  return false;
}

function predicate(p: Predicate, facts: Facts): Tri {
  const v = facts.get(p.fact) ?? null;
  if (p.present !== undefined) return v === UNKNOWN ? UNKNOWN : (v !== null) === p.present;
  if (v === UNKNOWN) return UNKNOWN;
  if (v === null) return false;
  if (p.eq !== undefined) return v === p.eq;
  if (p.ne !== undefined) return v !== p.ne;
  if (p.in !== undefined) return p.in.includes(v);
  return typeof v === 'number' ? compare(v, p, facts) : false;
}

/** Evaluates a condition under three-valued (Kleene) logic. Pure. */
export function evaluate(c: Condition, facts: Facts): Tri {
  if (isPredicate(c)) return predicate(c, facts);
  if ('all' in c) {
    let unknown = false;
    for (const child of c.all) {
      const r = evaluate(child, facts);
      if (r === false) return false;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : true;
  }
  if ('any' in c) {
    let unknown = false;
    for (const child of c.any) {
      const r = evaluate(child, facts);
      if (r === true) return true;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : false;
  }
  const r = evaluate(c.not, facts);
  return r === UNKNOWN ? UNKNOWN : !r;
}

/** Every fact name a condition reads, including facts used as operands. */
export function factsOf(c: Condition, out: Set<string> = new Set()): Set<string> {
  if (isPredicate(c)) {
    out.add(c.fact);
    for (const o of [c.gt, c.gte, c.lt, c.lte]) if (o !== undefined && typeof o === 'object') out.add(o.fact);
  } else if ('all' in c) c.all.forEach((x) => factsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => factsOf(x, out));
  else factsOf(c.not, out);
  return out;
}

/** What wakes a rule: a fact having any value, or (for equality tests) one of some values. */
export interface Trigger {
  fact: string;
  value?: Scalar;
}

/**
 * Index keys at least one of which must hold (a fact with a value, or unknown) for the condition
 * to be anything but false; `undefined` when the condition can hold with every fact absent.
 * Equality tests give `fact=value` keys, so `plan.setting = home` rules are not woken by a clinic plan.
 * Used to index rules by what they look at.
 */
export function triggersOf(c: Condition): Trigger[] | undefined {
  if (isPredicate(c)) {
    if (c.present === false) return undefined;
    if (c.eq !== undefined) return [{ fact: c.fact, value: c.eq }, { fact: c.fact, value: UNKNOWN }];
    if (c.in !== undefined) return [...c.in.map((value) => ({ fact: c.fact, value })), { fact: c.fact, value: UNKNOWN }];
    return [{ fact: c.fact }];
  }
  if ('all' in c) {
    let best: Trigger[] | undefined;
    let bestCost = Infinity;
    for (const child of c.all) {
      const t = triggersOf(child);
      if (!t) continue;
      // Prefer value keys and facts tied to one vocabulary entry: they are rarely present.
      const cost = t.reduce((n, k) => n + (k.value !== undefined ? 1 : /^(plan|person|treatment|zone|checkin)\.[a-z_]+$/.test(k.fact) ? 20 : 2), 0);
      if (cost < bestCost) {
        best = t;
        bestCost = cost;
      }
    }
    return best;
  }
  if ('any' in c) {
    const out: Trigger[] = [];
    for (const child of c.any) {
      const t = triggersOf(child);
      if (!t) return undefined;
      out.push(...t);
    }
    return out;
  }
  return undefined;
}
