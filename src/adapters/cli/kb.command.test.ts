import assert from 'node:assert/strict';
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MINIMAL_KB_DIR } from '../../../test/support/kb-fixture.js';
import { cli } from '../../../test/support/cli.js';


describe('primum kb', () => {
  it('validate exits 0 on a valid base', async () => {
    const r = await cli(['kb', 'validate', '--dir', MINIMAL_KB_DIR]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /is valid: 12 scenarios pass/);
  });

  it('validate exits non-zero on a broken base and lists every problem as file: path: message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primum-kb-'));
    cpSync(MINIMAL_KB_DIR, dir, { recursive: true });
    const p = join(dir, 'rules/scheduling.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('source: src_b', 'source: missing2000'));
    const r = await cli(['kb', 'validate', '--dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.err, /^rules\/scheduling\.yaml: sch_deep\.sources\[0\]: source 'missing2000' does not resolve/m);
    assert.match(r.err, /src_b|problem\(s\) found/);
  });

  it('stats --json prints counts by kind and the strong-source share', async () => {
    const r = await cli(['kb', 'stats', '--json', '--dir', MINIMAL_KB_DIR]);
    assert.equal(r.code, 0);
    const s = JSON.parse(r.out) as { counts: Record<string, number>; shareRulesWithStrongSource: number; clinicalReview: string };
    assert.equal(s.counts.screeningRules, 2);
    assert.equal(s.counts.triageRules, 2);
    assert.equal(s.counts.sources, 2);
    // 4 of 6 rules cite src_b (grade B); scr_hsv and ac_spf cite only grade D.
    assert.equal(s.shareRulesWithStrongSource, 0.667);
    assert.equal(s.clinicalReview, 'not yet reviewed by a clinician');
  });

  it('show prints an entry with everything that references it', async () => {
    const r = await cli(['kb', 'show', 'src_b', '--json', '--dir', MINIMAL_KB_DIR]);
    assert.equal(r.code, 0);
    const views = JSON.parse(r.out) as { kind: string; referencedBy: { id: string }[] }[];
    assert.equal(views[0]?.kind, 'sources');
    const refs = views[0]?.referencedBy.map((x) => x.id) ?? [];
    for (const id of ['scr_toxin', 'tri_fever', 'sch_deep', 'cf_fixture', 'pen_motorised']) assert.ok(refs.includes(id), id);
    assert.ok(!refs.includes('scr_hsv'));
  });

  it('show exits 1 for an unknown id', async () => {
    const r = await cli(['kb', 'show', 'nope', '--dir', MINIMAL_KB_DIR]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no knowledge entry has the id 'nope'/);
  });

  it('an unknown command exits 2 with a message', async () => {
    const r = await cli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command/);
  });
});
