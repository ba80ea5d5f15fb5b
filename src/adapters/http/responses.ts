import { z } from 'zod';

/** The body of every 4xx/5xx answer, as declared in the OpenAPI document. */
export const IssuesBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** The failures every route that reads a JSON body can answer with. */
export const jsonBodyErrors = {
  400: IssuesBody.describe('Invalid input: every problem as { path, message }, saying which field, why, and what is accepted'),
  413: IssuesBody.describe('The body is larger than the server accepts (64 KiB by default)'),
  415: IssuesBody.describe('The body is not sent as JSON: send it with Content-Type: application/json'),
} as const;

/**
 * A 200 answer described in words, pointing to the page that explains every field. `z.unknown()` documents
 * without a second, hand-written copy of the result type, and serializes as plain JSON.
 */
export const documentedResult = (what: string, doc: string) =>
  z.unknown().describe(`${what} Every field is explained in ${doc} in the Primum repository.`);
