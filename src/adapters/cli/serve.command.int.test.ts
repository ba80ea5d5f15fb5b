import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { healthyClinicScreening } from '../../../test/support/fixtures.js';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('primum serve: graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, refuses nothing already accepted, logs it and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: undefined } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`server did not start: ${stdout}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /listening on (http:\/\/[^\s]+)/.exec(stdout);
          if (m?.[1]) { clearTimeout(t); resolve(m[1]); }
        });
      });
      // A request whose body is half sent when SIGTERM arrives: it must still be answered.
      const body = JSON.stringify(healthyClinicScreening);
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(`${address}/api/v1/screenings`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.write(body.slice(0, 20));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(20)), 300);
        }, 300);
      });
      const res = await answered;
      assert.equal(res.status, 200, res.text);
      assert.equal((JSON.parse(res.text) as { verdict: string }).verdict, 'proceed');
      assert.equal(await exited, 0);
      assert.match(stdout, /finishing requests in flight/);
      assert.match(stdout, /"msg":"stopped"/, 'the last log line is written before exit');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
