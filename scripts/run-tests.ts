// Finds every *.test.ts under src/, scripts/ and test/ and runs them with Node's test runner.
// (Node 20 does not expand globs itself.) Extra arguments are passed through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
function list(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.name === 'node_modules' ? [] : d.isDirectory() ? list(join(dir, d.name)) : d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
    );
  } catch {
    return [];
  }
}
const files = ['src', 'scripts', 'test'].flatMap((d) => list(join(root, d))).map((f) => relative(root, f)).sort();
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
