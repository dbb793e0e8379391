import { randomUUID } from 'node:crypto';
import * as parser from 'graphql/language/parser';
import * as validation from 'graphql/validation/validate';
import { signRequest, type Identity } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { startTestSubgraph, type TestSubgraph } from '@maison/testing';
import { tenantsModule } from './module';

/**
 * A gateway sends a subgraph the same query text for every request of one operation, whoever the
 * caller: only the variables, the identity, the request id and the signature (timestamp, nonce)
 * change. The subgraph must parse and validate that text once, not once per caller. These are the
 * two shapes of the kitchen call as captured on the wire in the bench: our gateway's (operation
 * name, compact text, x-request-id) and the bench's direct floor (its own text, no request id).
 */
let graph: TestSubgraph<unknown, unknown>;
beforeAll(async () => {
  graph = (await startTestSubgraph(tenantsModule, { seed: false, listen: true })) as TestSubgraph<unknown, unknown>;
}, 120_000);
afterAll(async () => {
  await graph?.close();
});

const fromGateway = (date: string) =>
  JSON.stringify({
    query: 'query Kitchen__tenants__0($date:LocalDate!){sharedSpace(slug:"cuisine"){name availability(date:$date durationMinutes:60){startsAt endsAt}}}',
    variables: { date },
    operationName: 'Kitchen__tenants__0',
  });
const direct = (date: string) =>
  JSON.stringify({
    query: 'query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }',
    variables: { date },
  });
const caller = (n: number): Identity => ({ sub: `reader-${n}`, roles: ['TENANT'], tenantId: stableId('tenant', `reader-${n}`) });

/** N signed calls, each from its own caller with its own date, request id and nonce: documents parsed and validated meanwhile. */
async function documentsWorkedOn(body: (date: string) => string, calls: number, requestId: boolean) {
  const parse = jest.spyOn(parser, 'parse');
  const validate = jest.spyOn(validation, 'validate');
  const statuses: number[] = [];
  try {
    for (let n = 0; n < calls; n++) {
      const text = body(addDays(todayInHouse(), 1 + (n % 7)));
      const headers = {
        'content-type': 'application/json',
        ...signRequest(DEV_SIGNING_SECRET, caller(n), 'fr', text),
        ...(requestId && { 'x-request-id': randomUUID() }),
      };
      const response = await fetch(graph.url!, { method: 'POST', headers, body: text });
      const answer = (await response.json()) as { errors?: unknown; data?: { sharedSpace?: { availability?: unknown[] } } };
      expect(answer.errors).toBeUndefined();
      expect(Array.isArray(answer.data?.sharedSpace?.availability)).toBe(true);
      statuses.push(response.status);
    }
    return { statuses: new Set(statuses), parsed: parse.mock.calls.length, validated: validate.mock.calls.length };
  } finally {
    parse.mockRestore();
    validate.mockRestore();
  }
}

describe('the subgraph’s document cache under a gateway’s calls', () => {
  it('parses and validates the gateway’s text once for 20 calls of 20 callers', async () => {
    expect(await documentsWorkedOn(fromGateway, 20, true)).toEqual({ statuses: new Set([200]), parsed: 1, validated: 1 });
    // Cached now: 20 more calls parse nothing.
    expect(await documentsWorkedOn(fromGateway, 20, true)).toEqual({ statuses: new Set([200]), parsed: 0, validated: 0 });
  });

  it('does the same work for the direct floor’s text: one parse and one validation for 20 calls', async () => {
    expect(await documentsWorkedOn(direct, 20, false)).toEqual({ statuses: new Set([200]), parsed: 1, validated: 1 });
  });
});
