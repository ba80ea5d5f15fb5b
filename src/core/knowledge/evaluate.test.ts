import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Condition } from './condition.js';
import { evaluate, triggersOf, UNKNOWN, type FactValue } from './evaluate.js';

const facts = (o: Record<string, FactValue>) => new Map(Object.entries(o));

describe('three-valued evaluation', () => {
  it('compares numbers at equality exactly', () => {
    const c: Condition = { fact: 'd', lt: 14 };
    assert.equal(evaluate(c, facts({ d: 13 })), true);
    assert.equal(evaluate(c, facts({ d: 14 })), false);
    assert.equal(evaluate({ fact: 'd', lte: 14 }, facts({ d: 14 })), true);
    assert.equal(evaluate({ fact: 'd', gte: 14 }, facts({ d: 14 })), true);
    assert.equal(evaluate({ fact: 'd', gt: 14 }, facts({ d: 14 })), false);
  });

  it('treats an absent fact as not applying and an unknown one as unknown', () => {
    const c: Condition = { fact: 'x', eq: true };
    assert.equal(evaluate(c, facts({})), false);
    assert.equal(evaluate(c, facts({ x: null })), false);
    assert.equal(evaluate(c, facts({ x: UNKNOWN })), UNKNOWN);
    assert.equal(evaluate({ fact: 'x', present: false }, facts({})), true);
    assert.equal(evaluate({ fact: 'x', present: true }, facts({ x: UNKNOWN })), UNKNOWN);
  });

  it('compares a fact with another fact', () => {
    const c: Condition = { fact: 'depth', gt: { fact: 'ceiling' } };
    assert.equal(evaluate(c, facts({ depth: 1.1, ceiling: 1 })), true);
    assert.equal(evaluate(c, facts({ depth: 1, ceiling: 1 })), false);
    assert.equal(evaluate(c, facts({ depth: 1.1, ceiling: UNKNOWN })), UNKNOWN);
    assert.equal(evaluate(c, facts({ depth: 1.1 })), false);
  });

  it('follows Kleene logic for all / any / not', () => {
    const t: Condition = { fact: 't', eq: true };
    const f: Condition = { fact: 'f', eq: true };
    const u: Condition = { fact: 'u', eq: true };
    const env = facts({ t: true, f: false, u: UNKNOWN });
    assert.equal(evaluate({ all: [t, u] }, env), UNKNOWN);
    assert.equal(evaluate({ all: [f, u] }, env), false);
    assert.equal(evaluate({ any: [t, u] }, env), true);
    assert.equal(evaluate({ any: [f, u] }, env), UNKNOWN);
    assert.equal(evaluate({ not: u }, env), UNKNOWN);
    assert.equal(evaluate({ not: f }, env), true);
  });

  it('property: turning a known answer into unknown never turns true into false or false into true except via unknown', () => {
    const cond = fc.letrec<{ c: Condition }>((tie) => ({
      c: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ fact: fc.constantFrom('a', 'b', 'c'), eq: fc.boolean() }),
        fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ not: tie('c') }),
      ),
    })).c;
    fc.assert(
      fc.property(cond, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('a', 'b', 'c'), (c, a, b, cc, hide) => {
        const known = facts({ a, b, c: cc });
        const partial = facts({ a, b, c: cc, [hide]: UNKNOWN });
        const r1 = evaluate(c, known);
        const r2 = evaluate(c, partial);
        // Monotonicity in information: the less-informed answer is either the same or unknown.
        return r2 === r1 || r2 === UNKNOWN;
      }),
    );
  });

  it('finds the facts that can trigger a rule', () => {
    assert.deepEqual(triggersOf({ all: [{ fact: 'a', eq: 1 }, { any: [{ fact: 'b', eq: 1 }, { fact: 'c', eq: 1 }] }] }), [{ fact: 'a', value: 1 }, { fact: 'a', value: UNKNOWN }]);
    assert.deepEqual(triggersOf({ any: [{ fact: 'b', gt: 1 }, { fact: 'c', lt: 1 }] }), [{ fact: 'b' }, { fact: 'c' }]);
    assert.deepEqual(triggersOf({ all: [{ fact: 'plan.setting', eq: 'home' }, { fact: 'condition.x', present: true }] }), [{ fact: 'plan.setting', value: 'home' }, { fact: 'plan.setting', value: UNKNOWN }]);
    assert.equal(triggersOf({ not: { fact: 'a', eq: 1 } }), undefined);
    assert.equal(triggersOf({ fact: 'a', present: false }), undefined);
  });
});
