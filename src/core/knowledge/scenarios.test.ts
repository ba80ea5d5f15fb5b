import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedKnowledge } from '../../../test/support/fixtures.js';
import { runScenario } from './scenarios.js';

// Every golden case of the shipped knowledge base, one test each (STYLE 12: scenarios are data).
const kb = shippedKnowledge();

describe('knowledge scenarios', () => {
  for (const kind of ['screening', 'aftercare', 'triage', 'scheduling'] as const) {
    describe(kind, () => {
      for (const s of kb.scenarios.filter((x) => x.kind === kind)) {
        it(`${s.id}: ${s.description}`, () => {
          assert.deepEqual(runScenario(kb, s).failures, []);
        });
      }
    });
  }

  it('every REFERENCE 7.1 emergency rule and every 7.2 matrix cell rule has a scenario that makes it fire', () => {
    const fired = new Set(kb.scenarios.filter((s) => s.kind === 'triage').flatMap((s) => runScenario(kb, s).fired));
    const cells = kb.triage.rules.filter((r) => r.stage === 'emergency' || (r.stage === 'matrix' && r.window));
    assert.ok(cells.length >= 100, `only ${cells.length} emergency/matrix rules`);
    assert.deepEqual(cells.filter((r) => !fired.has(r.id)).map((r) => r.id), []);
  });
});
