import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import {
  admin,
  anonymous,
  asArtist,
  asMember,
  asTenant,
  Fuzz,
  languageProblem,
  literal,
  schemaFuzzCases,
  startGraph,
  tokenFor,
  type GraphResponse,
  type RunningGraph,
  type SchemaFuzzCase,
} from '@maison/testing';
import type { Identity } from '@maison/auth';
import { rowsSnapshot, unexplainedChanges, uuidsIn, type RowsSnapshot } from './schema-fuzz-rows';

/**
 * No bad input reaches a 500, by any path and for any caller: every argument of every field of
 * Query and Mutation (nested input fields included) gets hostile values (nulls, NUL and control
 * characters, lone surrogates, 100 kB texts, deep nesting, huge and negative numbers, impossible
 * dates, wrong enums and ids, empty, huge and duplicated lists), as literals and as variables,
 * from anonymous callers and each role, in French and English. Not one answer is an internal
 * error or an HTTP 5xx, every error has a code and a message in the caller's language, the
 * processes log no failed request, and no seeded row changes but by a mutation that said it
 * succeeded. SCHEMA_FUZZ_SEED replays a run (and tries others); the seed is printed on failure.
 */
const SEED = Number(process.env.SCHEMA_FUZZ_SEED ?? 20261201);
/** Hostile values per argument path, each sent as a literal and as a variable. */
const PER_ARGUMENT = Number(process.env.SCHEMA_FUZZ_PER_ARGUMENT ?? 3);
const CONCURRENCY = 4;
const SHOWN = 15;

const ROOT = path.resolve(__dirname, '..', '..');
const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'client.graphql'), 'utf8'));
const PREFIX = `t_schema_fuzz_${process.pid}_`;

const CALLERS: [string, Identity][] = [
  ['anonymous', anonymous],
  ['ADMIN', admin],
  ['TENANT', asTenant('acupuncture')],
  ['MEMBER', asMember('rosalie-tremblay')],
  ['ARTIST', asArtist('fernand-saint-aubin')],
];

interface Sent {
  case: SchemaFuzzCase;
  caller: string;
  lang: 'fr' | 'en';
  method: 'POST' | 'GET';
  answer: Pick<GraphResponse, 'status' | 'body'>;
}

let graph: RunningGraph;
let before: RowsSnapshot;
let sent: Sent[] = [];
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: PREFIX, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_MUTATIONS_PER_MINUTE: '0' } });
  await graph.settle();
  before = await rowsSnapshot(PREFIX);
}, 120_000);
afterAll(async () => {
  await graph?.stop();
});

async function knownIds(): Promise<Record<string, string[]>> {
  const d = await graph.data(
    `{ tenants(includeArchived: true) { id } members(first: 100) { nodes { id } } artists(first: 100) { nodes { id } }
       artworks(first: 100) { nodes { id } } exhibitions(first: 100) { nodes { id } } studios { id } sharedSpaces { id }
       coworkingEvents(first: 100) { nodes { id } } membershipPlans(includeOffSale: true) { id } }`,
    {},
    { identity: admin },
  );
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  const byWord: Record<string, string[]> = {
    tenant: ids(d.tenants),
    member: ids(d.members.nodes),
    artist: ids(d.artists.nodes),
    artwork: ids(d.artworks.nodes),
    exhibition: ids(d.exhibitions.nodes),
    studio: ids(d.studios),
    space: ids(d.sharedSpaces),
    event: ids(d.coworkingEvents.nodes),
    plan: ids(d.membershipPlans),
  };
  return { ...byWord, any: Object.values(byWord).flat() };
}

async function send(fuzz: Fuzz, c: SchemaFuzzCase): Promise<Sent> {
  // Most mutations are ADMIN's: half of them are sent as ADMIN, to reach past the access checks.
  const [caller, identity] = c.root === 'mutation' && fuzz.chance(0.5) ? CALLERS[1]! : fuzz.pick(CALLERS);
  const lang = fuzz.pick(['fr', 'en'] as const);
  // A quarter of the queries as GET (the other way in; a URL too long for the server is its 414 or 431, never a 5xx).
  if (c.root === 'query' && fuzz.chance(0.25)) return { case: c, caller, lang, method: 'GET', answer: await get(c, identity, lang) };
  const { status, body } = await graph.query(c.query, c.variables, { identity, headers: { 'accept-language': lang } });
  return { case: c, caller, lang, method: 'POST', answer: { status, body } };
}

async function get(c: SchemaFuzzCase, identity: Identity, lang: 'fr' | 'en'): Promise<Sent['answer']> {
  const url = new URL(graph.gatewayUrl);
  url.searchParams.set('query', c.query);
  if (Object.keys(c.variables).length > 0) url.searchParams.set('variables', JSON.stringify(c.variables));
  const headers: Record<string, string> = { 'accept-language': lang, 'apollo-require-preflight': 'true' };
  if (identity.sub !== null) headers.authorization = `Bearer ${tokenFor(identity)}`;
  const response = await fetch(url, { headers });
  const text = await response.text();
  const json = (() => {
    try {
      return JSON.parse(text) as GraphResponse['body'];
    } catch {
      return null;
    }
  })();
  // Only the HTTP server's own refusals of a URL or headers too long may come without a GraphQL body.
  return {
    status: response.status,
    body: json ?? (response.status === 414 || response.status === 431 ? {} : { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] }),
  };
}

async function inPool<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await run(items[i]!);
      }
    }),
  );
  return results;
}

/** What is wrong with one answer, or nothing. */
function problems({ case: c, lang, answer }: Sent): string[] {
  const found: string[] = [];
  if (answer.status >= 500) found.push(`HTTP ${answer.status}`);
  if (JSON.stringify(answer.body).includes('INTERNAL_SERVER_ERROR')) found.push('INTERNAL_SERVER_ERROR');
  const texts = textsOf(c.value);
  for (const error of answer.body.errors ?? []) {
    if (!error.extensions?.code) found.push(`an error without a code: ${error.message}`);
    // A subgraph's own 5xx (or a page that is no GraphQL), which the gateway answers as its outage.
    if (error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && ['SERVER_ERROR', 'INVALID_RESPONSE'].includes(String(error.extensions.reason)))
      found.push(`HTTP 5xx from ${String(error.extensions.subgraph)}`);
    // Any other outage: some input kept a subgraph busy past its timeout (a stay to year 9999 once did, for two minutes).
    else if (error.extensions?.code === 'SUBGRAPH_UNAVAILABLE')
      found.push(`${String(error.extensions.subgraph)} unavailable (${String(error.extensions.reason)})`);
    const wrong = languageProblem(error.message ?? '', lang, texts);
    if (wrong) found.push(`${wrong}: ${error.message}`);
  }
  for (const userError of userErrorsOf(answer.body.data)) {
    const wrong = languageProblem(userError.message ?? '', lang, texts);
    if (wrong) found.push(`${wrong} (userError ${userError.code}): ${userError.message}`);
  }
  return found;
}

const textsOf = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
function userErrorsOf(data: unknown): { code: string; message: string }[] {
  const found: { code: string; message: string }[] = [];
  for (const payload of Object.values((data as Record<string, unknown>) ?? {})) {
    const list = (payload as { userErrors?: unknown } | null)?.userErrors;
    if (Array.isArray(list)) found.push(...list);
  }
  return found;
}

/** A mutation that did what it was asked: HTTP 200, no error, no userError. */
const succeeded = ({ case: c, answer }: Sent) =>
  c.root === 'mutation' && answer.status === 200 && !answer.body.errors?.length && answer.body.data != null && userErrorsOf(answer.body.data).length === 0;

/** How the answers fell (SCHEMA_FUZZ_REPORT=file writes it): by HTTP status, by error code, and the mutations that succeeded. */
function tally(all: Sent[]) {
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {});
  return {
    seed: SEED,
    requests: all.length,
    status: count(all.map((s) => `${s.method} ${s.answer.status}`)),
    codes: count(all.flatMap((s) => (s.answer.body.errors ?? []).map((e) => String(e.extensions?.code)))),
    userErrors: count(all.flatMap((s) => userErrorsOf(s.answer.body.data).map((e) => e.code))),
    unavailable: count(
      all.flatMap((s) =>
        (s.answer.body.errors ?? [])
          .filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')
          .map((e) => `${s.case.field}(${s.case.argument}) ${String(e.extensions?.subgraph)} ${String(e.extensions?.reason)}`),
      ),
    ),
    succeeded: count(all.filter(succeeded).map((s) => s.case.field)),
  };
}

const short = (value: unknown) => {
  const text = literal(value);
  return text.length > 120 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
};
const report = (s: Sent, found: string[]) =>
  `${s.case.root} ${s.case.field}(${s.case.argument}) = ${short(s.case.value)} as a ${s.case.mode} (${s.method}), ${s.caller} (${s.lang}): ${found.join('; ')}\n  → HTTP ${s.answer.status} ${JSON.stringify(s.answer.body).slice(0, 400)}`;

it(`answers every hostile argument of every field without an internal error (seed ${SEED})`, async () => {
  const fuzz = new Fuzz(SEED);
  const cases = schemaFuzzCases(schema, fuzz, { perArgument: PER_ARGUMENT, ids: await knownIds() });
  // Queries first, then mutations: the queries read the seeded graph, the mutations change it.
  const ordered = [...cases.filter((c) => c.root === 'query'), ...cases.filter((c) => c.root === 'mutation')];
  sent = await inPool(ordered, (c) => send(fuzz, c));
  if (process.env.SCHEMA_FUZZ_REPORT) writeFileSync(process.env.SCHEMA_FUZZ_REPORT, JSON.stringify(tally(sent), null, 2));

  const offending = sent.map((s) => ({ s, found: problems(s) })).filter((o) => o.found.length > 0);
  const count = (what: string) => offending.filter((o) => o.found.some((f) => f.startsWith(what))).length;
  const summary = {
    seed: SEED,
    internalServerErrors: count('INTERNAL_SERVER_ERROR'),
    http5xx: count('HTTP 5'),
    otherProblems: offending.filter((o) => !o.found.some((f) => f.startsWith('INTERNAL') || f.startsWith('HTTP 5'))).length,
    first: offending.slice(0, SHOWN).map((o) => report(o.s, o.found)),
  };
  expect(summary).toEqual({ seed: SEED, internalServerErrors: 0, http5xx: 0, otherProblems: 0, first: [] });
  // Every field and every caller was tried, in both languages and both ways of writing a value.
  expect(new Set(sent.map((s) => `${s.case.root}.${s.case.field.split('.')[0]}`)).size).toBe(
    Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length,
  );
  expect(new Set(sent.map((s) => `${s.caller} ${s.lang} ${s.case.mode}`)).size).toBe(CALLERS.length * 4);
}, 300_000);

it('logs no failed request and no unexpected error in any process', () => {
  expect({
    seed: SEED,
    failed:
      graph
        .output()
        .match(/.*(request failed|unexpected error).*/g)
        ?.slice(0, SHOWN) ?? [],
  }).toEqual({ seed: SEED, failed: [] });
});

it('changes no seeded row but by a mutation that said it succeeded', async () => {
  expect(sent.length).toBeGreaterThan(0);
  const successes = sent.filter(succeeded);
  const explaining = new Set(successes.flatMap((s) => [...uuidsIn(s.answer.body.data), ...uuidsIn(s.case.variables), ...uuidsIn(s.case.query)]));
  const after = await rowsSnapshot(PREFIX);
  expect({ seed: SEED, unexplained: unexplainedChanges(before, after, explaining).slice(0, SHOWN) }).toEqual({ seed: SEED, unexplained: [] });
}, 60_000);
