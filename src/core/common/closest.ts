/** Edit distance between two short strings (Levenshtein). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known ids closest to an unknown one, best first (substring matches rank first). */
export function closest(input: string, known: readonly string[], n = 3): string[] {
  const q = input.toLowerCase();
  return [...known]
    // A substring match ranks first, the closer in length the better.
    .map((k) => ({ k, d: k.includes(q) || q.includes(k) ? Math.abs(k.length - q.length) / 100 : distance(q, k) }))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, n)
    .map((x) => x.k);
}
