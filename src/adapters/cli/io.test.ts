import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { healthyClinicScreening } from '../../../test/support/fixtures.js';
import { cli, tempFiles } from '../../../test/support/cli.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('CLI input and output failures', () => {
  it('stops reading an endless input at the body limit with a clear error', async () => {
    const r = await cli(['screen', '/dev/zero', '--json']);
    assert.equal(r.code, 2);
    const b = JSON.parse(r.out) as { error: string; issues: { message: string }[] };
    assert.equal(b.error, 'payload_too_large');
    assert.match(b.issues[0]?.message ?? '', /'\/dev\/zero' is larger than the 65536 bytes accepted/);
  });

  it('accepts a JSON file that starts with a UTF-8 byte order mark', async () => {
    const { file } = tempFiles('primum-bom-');
    const r = await cli(['screen', file('bom.json', `\uFEFF${JSON.stringify(healthyClinicScreening)}`), '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { verdict: string }).verdict, 'proceed');
  });

  it('aftercare --json prints an .ics write failure as JSON on standard output, exit 1', async () => {
    const { dir, file } = tempFiles('primum-ics-');
    const r = await cli(['aftercare', file('t.json', { treatment: clinicPenTreatment }), '--json', '--ics', join(dir, 'missing', 'plan.ics')]);
    assert.equal(r.code, 1);
    const b = JSON.parse(r.out) as { error: string; issues: { path: string; message: string }[] };
    assert.equal(b.error, 'cannot_write_file');
    assert.match(b.issues[0]?.message ?? '', /cannot write '.*plan\.ics' \(the folder does not exist\)/);
    const full = await cli(['aftercare', file('t2.json', { treatment: clinicPenTreatment }), '--ics', '/dev/full']);
    assert.equal(full.code, 1);
    assert.match(full.err, /cannot write '\/dev\/full' \(the disk is full\)/);
  });

  it('output to a full disk is one clear line and exit 1, not a stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'schema', 'screening'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.equal(r.stderr.trim(), 'primum: cannot write the output (ENOSPC: the disk is full)');
    } finally {
      closeSync(fd);
    }
  });
});
