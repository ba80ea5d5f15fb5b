// Enforces the shape: src/core imports nothing from node:*, adapters, services, drivers or React,
// and no module anywhere in src/ takes part in an import cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const FORBIDDEN_IN_CORE = [/^node:/, /^(fs|path|crypto|http|os|child_process)$/, /^(pg|@electric-sql\/pglite|fastify|react|react-dom|drizzle-orm|kysely)(\/|$)/];

function list(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? list(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const problems: string[] = [];
const graph = new Map<string, string[]>();
for (const file of list(src)) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  const edges: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? '';
    if (rel.startsWith('src/core/') && !rel.endsWith('.test.ts')) {
      if (FORBIDDEN_IN_CORE.some((re) => re.test(spec))) problems.push(`${rel}: core must not import '${spec}'`);
      if (spec.startsWith('.')) {
        const target = relative(root, resolve(dirname(file), spec));
        if (!target.startsWith('src/core/')) problems.push(`${rel}: core must not import '${spec}' (outside src/core)`);
      }
    }
    if (spec.startsWith('.')) edges.push(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
  }
  graph.set(file, edges);
}

// Cycle detection: depth-first search with colours.
const state = new Map<string, 1 | 2>();
const stack: string[] = [];
function visit(n: string): void {
  state.set(n, 1);
  stack.push(n);
  for (const m of graph.get(n) ?? []) {
    if (!graph.has(m)) continue;
    const s = state.get(m);
    if (s === 1) problems.push(`import cycle: ${[...stack.slice(stack.indexOf(m)), m].map((x) => relative(root, x)).join(' -> ')}`);
    else if (s === undefined) visit(m);
  }
  stack.pop();
  state.set(n, 2);
}
for (const n of graph.keys()) if (!state.has(n)) visit(n);

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`architecture ok: ${graph.size} modules, core is pure, no import cycles`);
