/** The days-since facts a screening wait counts from (`then.waitFrom`: one fact or several). */
export function waitFacts(waitFrom: string | readonly string[] | undefined): readonly string[] {
  return waitFrom === undefined ? [] : typeof waitFrom === 'string' ? [waitFrom] : waitFrom;
}
