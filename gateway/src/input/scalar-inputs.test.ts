import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';

/**
 * Custom scalars are checked at the gateway with the subgraphs' own rules: a bad value is
 * BAD_USER_INPUT naming the variable or argument, in the caller's language, before any
 * subgraph call. Every subgraph here is one counting server that answers nothing useful.
 */
let gateway: Gateway;
let url: string;
let stub: Server;
let calls = 0;

beforeAll(async () => {
  stub = createServer((_req, res) => {
    calls += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
  const subgraph = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  ({ gateway, url } = await gatewayOverStub(subgraph));
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => stub?.close(resolve));
});
beforeEach(() => (calls = 0));

async function ask(query: string, variables: Record<string, unknown> = {}, lang = 'fr') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}
const CALENDAR = 'query Month($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date } }';
const BOOKINGS = 'query Week($from: DateTime!, $to: DateTime!) { sharedSpace(slug: "cuisine") { bookings(from: $from, to: $to) { title } } }';
const BOOK = 'mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { userErrors { code } } }';
const input = (startsAt: unknown) => ({ spaceId: '00000000-0000-4000-8000-000000000001', startsAt, endsAt: '2026-12-03T13:00:00-05:00', title: 'Dîner' });

describe('custom scalars at the gateway', () => {
  it('refuses a DateTime variable without its offset, in French by default, naming the variable', async () => {
    expect(await ask(BOOKINGS, { from: '2026-12-01T00:00:00', to: '2026-12-08T00:00:00-05:00' })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'La variable « $from » n’est pas un DateTime valide : un DateTime est une date et heure ISO 8601 avec son décalage horaire, par exemple 2026-11-26T10:00:00-05:00.',
            extensions: { code: 'BAD_USER_INPUT', variable: 'from', scalar: 'DateTime' },
          },
        ],
      },
    });
    expect(calls).toBe(0);
  });

  it('names the place inside an input object, in English when asked', async () => {
    expect(await ask(BOOK, { input: input('2026-12-03T12:00') }, 'en')).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Variable "$input.startsAt" is not a valid DateTime: a DateTime is an ISO 8601 date and time with its offset, e.g. 2026-11-26T10:00:00-05:00.',
            extensions: { code: 'BAD_USER_INPUT', variable: 'input.startsAt', scalar: 'DateTime' },
          },
        ],
      },
    });
    expect(calls).toBe(0);
  });

  it.each([
    ['an impossible date', '2026-02-30', '"2026-02-30" is not a calendar date YYYY-MM-DD'],
    ['a date and time', '2026-02-03T00:00:00Z', '"2026-02-03T00:00:00Z" is not a calendar date YYYY-MM-DD'],
    ['a number', 20260203, 'the value is not a calendar date YYYY-MM-DD'],
  ])('refuses %s as a LocalDate variable', async (_what, from, reason) => {
    const { status, body } = await ask(CALENDAR, { from, to: '2026-02-10' }, 'en');
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: `Variable "$from" is not a valid LocalDate: ${reason}.`, extensions: { code: 'BAD_USER_INPUT', variable: 'from', scalar: 'LocalDate' } },
    ]);
    expect(calls).toBe(0);
  });

  it('refuses a bad literal, naming the field and the argument, also inside an input object and a fragment', async () => {
    const literal = await ask('{ calendar(from: "2026-13-01", to: "2026-12-31") { date } }', {}, 'en');
    expect(literal).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Argument "calendar.from" is not a valid LocalDate: "2026-13-01" is not a calendar date YYYY-MM-DD.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'calendar.from', scalar: 'LocalDate' },
          },
        ],
      },
    });
    const nested = await ask(
      'mutation { bookSharedSpace(input: { spaceId: "x", startsAt: "demain midi", endsAt: "2026-12-03T13:00:00-05:00", title: "t" }) { userErrors { code } } }',
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'bookSharedSpace.input.startsAt', scalar: 'DateTime' });
    expect(nested.body.errors![0]!.message).toMatch(/^L’argument « bookSharedSpace\.input\.startsAt » n’est pas un DateTime valide/);
    const inFragment = await ask('query { ...Days } fragment Days on Query { calendar(from: "2026-12-01", to: 42) { date } }', {}, 'en');
    expect(inFragment.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'calendar.to', scalar: 'LocalDate' });
    expect(calls).toBe(0);
  });

  it('checks the default value of a variable the caller left out', async () => {
    const { status, body } = await ask(
      'query($from: LocalDate = "demain", $to: LocalDate!) { calendar(from: $from, to: $to) { date } }',
      { to: '2026-12-31' },
      'en',
    );
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', variable: 'from', scalar: 'LocalDate' });
    expect(calls).toBe(0);
  });

  it('lets good values through to the subgraph', async () => {
    const { body } = await ask(CALENDAR, { from: '2028-02-29', to: '2028-03-01' });
    expect(body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(calls).toBe(1);
    await ask(BOOKINGS, { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00-05:00' });
    expect(calls).toBe(2);
  });
});

describe('texts holding NUL at the gateway', () => {
  it('refuses NUL in a literal or a variable before any subgraph call, naming it, in the caller’s language', async () => {
    expect(await ask('{ tenant(slug: "a\\u0000") { id } }')).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'L’argument « tenant.slug » contient le caractère NUL (U+0000), refusé dans tout texte.',
            extensions: { code: 'BAD_USER_INPUT', argument: 'tenant.slug' },
          },
        ],
      },
    });
    expect(await ask(BOOK, { input: { ...input('2026-12-03T12:00:00-05:00'), title: 'Dî\u0000ner' } }, 'en')).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Variable "$input.title" contains the NUL character (U+0000), refused in any text.',
            extensions: { code: 'BAD_USER_INPUT', variable: 'input.title' },
          },
        ],
      },
    });
    expect(calls).toBe(0);
  });
});
