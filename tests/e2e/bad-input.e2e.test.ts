import { admin, startGraph, type GraphResponse, type RunningGraph } from '@maison/testing';
import { NO_CALLS, subgraphCallsDuring } from './security-helpers';

/**
 * Bad input never reaches a 500: a text holding NUL (U+0000, which PostgreSQL refuses in text), in
 * any argument or variable, and year 0 in a LocalDate (PostgreSQL has no year 0) are refused by the
 * gateway with BAD_USER_INPUT (HTTP 400) naming where they were written, in the caller's language,
 * before any subgraph is called.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
  // The hold reconcilers' boot rounds call tenants: the subgraph calls counted must be the tests' own.
  await graph.settle();
});
afterAll(async () => {
  await graph?.stop();
});

const EN = { headers: { 'accept-language': 'en' } };
const refused = (message: string, extensions: Record<string, unknown>) => ({
  status: 400,
  body: { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...extensions } }] },
});
const answer = ({ status, body }: GraphResponse) => ({ status, body });

async function refusedBeforeAnySubgraph(ask: () => Promise<GraphResponse>) {
  let response: GraphResponse | undefined;
  const calls = await subgraphCallsDuring(graph, async () => (response = await ask()));
  expect(calls).toEqual(NO_CALLS);
  return answer(response!);
}

describe('NUL in a text', () => {
  // "\\u0000" is GraphQL's escape: the argument's value holds the character (a raw NUL is a syntax error).
  it.each([
    ['tenant', '{ tenant(slug: "a\\u0000b") { id } }'],
    ['sharedSpace', '{ sharedSpace(slug: "\\u0000") { id } }'],
    ['artist', '{ artist(slug: "\\u0000") { id } }'],
    ['exhibition', '{ exhibition(slug: "vernissage\\u0000") { id } }'],
  ])('%s(slug:) is refused in French by default, naming the argument', async (field, query) => {
    expect(await refusedBeforeAnySubgraph(() => graph.query(query))).toEqual(
      refused(`L’argument « ${field}.slug » contient le caractère NUL (U+0000), refusé dans tout texte.`, { argument: `${field}.slug` }),
    );
  });

  it('is refused in English when asked', async () => {
    expect(answer(await graph.query('{ artist(slug: "\\u0000") { id } }', {}, EN))).toEqual(
      refused('Argument "artist.slug" contains the NUL character (U+0000), refused in any text.', { argument: 'artist.slug' }),
    );
  });

  it('is refused in a variable, in both languages', async () => {
    const query = 'query($slug: String!) { tenant(slug: $slug) { id } }';
    expect(await refusedBeforeAnySubgraph(() => graph.query(query, { slug: 'espace-ko\u0000' }))).toEqual(
      refused('La variable « $slug » contient le caractère NUL (U+0000), refusé dans tout texte.', { variable: 'slug' }),
    );
    expect(answer(await graph.query(query, { slug: '\u0000' }, EN))).toEqual(
      refused('Variable "$slug" contains the NUL character (U+0000), refused in any text.', { variable: 'slug' }),
    );
  });

  it('is refused in a field of an input object, nested, as a variable or a literal', async () => {
    const create = 'mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code } } }';
    const input = { title: { fr: 'Grès\u0000', en: 'Stoneware' }, startsOn: '2027-03-01', endsOn: '2027-03-31' };
    expect(await refusedBeforeAnySubgraph(() => graph.query(create, { input }, { identity: admin }))).toEqual(
      refused('La variable « $input.title.fr » contient le caractère NUL (U+0000), refusé dans tout texte.', { variable: 'input.title.fr' }),
    );
    const literal =
      'mutation { createExhibition(input: { title: { fr: "Grès" }, startsOn: "2027-03-01", endsOn: "2027-03-31", artistIds: ["a\\u0000"] }) { exhibition { id } } }';
    expect(answer(await graph.query(literal, {}, { ...EN, identity: admin }))).toEqual(
      refused('Argument "createExhibition.input.artistIds[0]" contains the NUL character (U+0000), refused in any text.', {
        argument: 'createExhibition.input.artistIds[0]',
      }),
    );
  });

  it('still answers the same texts without NUL', async () => {
    expect(answer(await graph.query('{ tenant(slug: "a\\u0001b") { id } sharedSpace(slug: "cuisine") { slug } }'))).toEqual({
      status: 200,
      body: { data: { tenant: null, sharedSpace: { slug: 'cuisine' } } },
    });
  });
});

describe('year 0 in a LocalDate', () => {
  const yearZero = (name: string) => ({
    fr: `La variable « $${name} » n’est pas un LocalDate valide : "0000-01-01" est hors des années 0001 à 9999 que la maison enregistre.`,
    en: `Variable "$${name}" is not a valid LocalDate: "0000-01-01" is outside the years 0001 to 9999 the house records.`,
  });

  it('createExhibition (ADMIN) is refused, in French by default and in English when asked', async () => {
    const create = 'mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code } } }';
    const input = { title: { fr: 'An zéro', en: 'Year zero' }, startsOn: '0000-01-01', endsOn: '2027-03-31' };
    const extensions = { variable: 'input.startsOn', scalar: 'LocalDate' };
    expect(await refusedBeforeAnySubgraph(() => graph.query(create, { input }, { identity: admin }))).toEqual(
      refused(yearZero('input.startsOn').fr, extensions),
    );
    expect(answer(await graph.query(create, { input }, { ...EN, identity: admin }))).toEqual(refused(yearZero('input.startsOn').en, extensions));
  });

  it('assignStudio (ADMIN) is refused, as a variable or a literal', async () => {
    const assign = 'mutation($input: AssignStudioInput!) { assignStudio(input: $input) { userErrors { code } } }';
    const input = {
      studioId: '00000000-0000-4000-8000-000000000001',
      artistId: '00000000-0000-4000-8000-000000000002',
      startsOn: '2027-01-01',
      endsOn: '0000-01-01',
    };
    expect(await refusedBeforeAnySubgraph(() => graph.query(assign, { input }, { identity: admin }))).toEqual(
      refused(yearZero('input.endsOn').fr, { variable: 'input.endsOn', scalar: 'LocalDate' }),
    );
    const literal = `mutation { assignStudio(input: { studioId: "${input.studioId}", artistId: "${input.artistId}", startsOn: "0000-01-01" }) { userErrors { code } } }`;
    expect(answer(await graph.query(literal, {}, { ...EN, identity: admin }))).toEqual(
      refused('Argument "assignStudio.input.startsOn" is not a valid LocalDate: "0000-01-01" is outside the years 0001 to 9999 the house records.', {
        argument: 'assignStudio.input.startsOn',
        scalar: 'LocalDate',
      }),
    );
  });
});
