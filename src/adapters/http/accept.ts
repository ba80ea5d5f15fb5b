/** One media range of an Accept header: `text/*;q=0.5`. */
interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly index: number;
}

function parseAccept(header: string): Range[] {
  return header.split(',').flatMap((part, index): Range[] => {
    const [media = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [type, subtype] = media.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((p) => /^q\s*=/.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/, ''));
    return Number.isFinite(q) && q >= 0 && q <= 1 ? [{ type, subtype, q, index }] : [];
  });
}

/** The most specific range that matches `offer` (RFC 9110 12.5.1): exact, then type/*, then * / *. */
function bestMatch(ranges: readonly Range[], offer: string): Range | undefined {
  const [type, subtype] = offer.split('/');
  const specificity = (r: Range) =>
    r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
  let best: Range | undefined;
  for (const r of ranges) {
    const s = specificity(r);
    if (s >= 0 && (best === undefined || s > specificity(best))) best = r;
  }
  return best;
}

/**
 * The offer the client prefers by q-value. On a tie the offer whose range comes first in the header wins, and
 * when they share a range (`*\/*`) the first offer. No header, or nothing acceptable: the first offer.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly [T, ...T[]]): T {
  if (!accept?.trim()) return offers[0];
  const ranges = parseAccept(accept);
  let chosen = offers[0];
  let chosenRange: Range | undefined;
  for (const offer of offers) {
    const r = bestMatch(ranges, offer);
    if (!r || r.q === 0) continue;
    if (!chosenRange || r.q > chosenRange.q || (r.q === chosenRange.q && r.index < chosenRange.index)) {
      chosen = offer;
      chosenRange = r;
    }
  }
  return chosen;
}
