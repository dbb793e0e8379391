import { randomBytes } from 'node:crypto';
import { asTenant, startGraph, tokenFor, type RunningGraph } from '@maison/testing';
import { NO_CALLS, post, subgraphCallsDuring } from './security-helpers';

/**
 * Variables nested thousands of levels deep are refused with a stable code (HTTP 400) before
 * anything walks them: not the response cache's key, not the scalar checks, not a subgraph.
 */
const RUN = randomBytes(4).toString('hex');
const QUERY = `query Deep_${RUN}($v: BookSharedSpaceInput) { sharedSpace(slug: "cuisine") { name } }`;

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({ env: { DATABASE_PREFIX: `t_deepvars_${RUN}_` } });
  await graph.settle();
}, 180_000);
afterAll(async () => {
  await graph?.stop();
});

/** `{ "a": { "a": … } }` written as text, levels deep (about 36 KB for 5,000). */
const nestedJson = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const body = (levels: number) => `{"query":${JSON.stringify(QUERY)},"variables":{"v":${nestedJson(levels)}}}`;

it('refuses 5,000 nested levels anonymously with VARIABLES_DEPTH_LIMIT_EXCEEDED, in French and in English, calling no subgraph', async () => {
  const answers: Awaited<ReturnType<typeof post>>[] = [];
  const calls = await subgraphCallsDuring(graph, async () => {
    answers.push(await post(graph.gatewayUrl, body(5_000)));
    answers.push(await post(graph.gatewayUrl, body(5_000), { 'accept-language': 'en' }));
  });
  expect(calls).toEqual(NO_CALLS);
  const [fr, en] = answers;
  expect({ status: fr!.status, body: fr!.body }).toEqual({
    status: 400,
    body: {
      errors: [
        {
          message: 'Les variables de la requête imbriquent objets et listes sur plus de 64 niveaux.',
          extensions: { code: 'VARIABLES_DEPTH_LIMIT_EXCEEDED', limit: 64 },
        },
      ],
    },
  });
  expect({ status: en!.status, body: en!.body }).toEqual({
    status: 400,
    body: {
      errors: [
        {
          message: 'Query variables nest objects and lists deeper than the limit of 64 levels.',
          extensions: { code: 'VARIABLES_DEPTH_LIMIT_EXCEEDED', limit: 64 },
        },
      ],
    },
  });
});

it('refuses them in a GET too, and signed in', async () => {
  const url = new URL(graph.gatewayUrl);
  url.searchParams.set('query', QUERY);
  url.searchParams.set('variables', `{"v":${nestedJson(100)}}`); // a URL stays short: Node refuses long ones itself (431)
  const get = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
  expect(get.status).toBe(400);
  expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('VARIABLES_DEPTH_LIMIT_EXCEEDED');

  const signedIn = await post(graph.gatewayUrl, body(5_000), { authorization: `Bearer ${tokenFor(asTenant('acupuncture'))}` });
  expect(signedIn.status).toBe(400);
  expect(signedIn.body.errors[0].extensions.code).toBe('VARIABLES_DEPTH_LIMIT_EXCEEDED');
});

it('lets variables 64 levels deep through: the limit is the limit, not less', async () => {
  // `variables` is the first level: { v: <63 levels> } is 64. The operation ignores variables it does not declare.
  const within = await post(graph.gatewayUrl, `{"query":"{ sharedSpace(slug: \\"cuisine\\") { name } }","variables":{"v":${nestedJson(63)}}}`);
  expect({ status: within.status, body: within.body }).toEqual({ status: 200, body: { data: { sharedSpace: { name: 'Cuisine partagée' } } } });
  const over = await post(graph.gatewayUrl, `{"query":"{ sharedSpace(slug: \\"cuisine\\") { name } }","variables":{"v":${nestedJson(64)}}}`);
  expect(over.status).toBe(400);
  expect(over.body.errors[0].extensions).toEqual({ code: 'VARIABLES_DEPTH_LIMIT_EXCEEDED', limit: 64 });
});
