import type { Identity } from '@maison/auth';
import { admin, anonymous, asMember, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { memberIdentity } from '../../test-fixtures';

/** members(search:): accents and case aside, over the name and the trade in both languages, under the visibility rules. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
const ids: Record<string, string> = {};
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
  const create = async (key: string, input: Record<string, unknown>) => {
    const { body } = await graph.execute(
      `mutation($input: CreateMemberInput!) { createMember(input: $input) { member { id } userErrors { code } } }`,
      { input: { email: `${key}@recherche.example`, isPublic: true, ...input } },
      { identity: admin },
    );
    ids[key] = body.data!.createMember.member.id;
  };
  await create('helene', { displayName: 'Hélène Bérubé-Ouellet', profession: { fr: 'Céramiste', en: 'Potter' } });
  await create('helen', { displayName: 'HELEN Smith', profession: { fr: 'Relieuse', en: 'Bookbinder' } });
  await create('cache', { displayName: 'Noël Caché', profession: { fr: 'Ébéniste', en: 'Cabinet maker' }, isPublic: false });
  await create('cent', { displayName: 'Cent_Pour%Cent', profession: { fr: 'Comptable' } });
});
afterAll(async () => {
  await graph?.close();
});

const SEARCH = `query($s: String, $first: Int, $after: String) { members(search: $s, first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
const found = async (search: string | null, identity: Identity = anonymous) => {
  const { body } = await graph.execute(SEARCH, { s: search, first: 100 }, { identity });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.members.nodes.map((n: { id: string }) => n.id);
};
const ours = (list: string[]) => list.filter((id) => Object.values(ids).includes(id));

describe('members(search:)', () => {
  it.each([
    ['helene', ['helene']],
    ['HÉLÈNE', ['helene']],
    ['hele', ['helen', 'helene']],
    ['berube-ouel', ['helene']],
    ['ceramique', []],
    ['ceramiste', ['helene']],
    ['potter', ['helene']],
    ['BOOKBIND', ['helen']],
    ['relieuse', ['helen']],
    ['comptable', ['cent']],
    ['ele', ['helen', 'helene']],
  ])('%j finds %j (by name, then id)', async (search, keys) => {
    expect(ours(await found(search))).toEqual(keys.map((k) => ids[k]));
  });

  it('finds a trade "Céramique" without its accents', async () => {
    const { body } = await graph.execute(
      `mutation { createMember(input: { displayName: "Atelier Grès", email: "gres@recherche.example", isPublic: true, profession: { fr: "Céramique", en: "Ceramics" } }) { member { id } } }`,
      {},
      { identity: admin },
    );
    expect(await found('ceramique')).toEqual([body.data!.createMember.member.id]);
  });

  it('matches %, _ and \\ as themselves, not as wildcards', async () => {
    expect(ours(await found('t_p'))).toEqual([ids.cent]);
    expect(ours(await found('l_n'))).toEqual([]);
    expect(ours(await found('_pour%'))).toEqual([ids.cent]);
    expect(ours(await found('r%c'))).toEqual([ids.cent]);
    expect(ours(await found('h%e'))).toEqual([]);
    expect(ours(await found('\\\\'))).toEqual([]);
  });

  it('keeps the visibility of members: a non-public member only for themself and ADMIN', async () => {
    expect(ours(await found('noel'))).toEqual([]);
    expect(ours(await found('noel', asMember('rosalie-tremblay')))).toEqual([]);
    expect(ours(await found('noel', memberIdentity(ids.cache!)))).toEqual([ids.cache]);
    expect(ours(await found('ebeniste', admin))).toEqual([ids.cache]);
  });

  it('pages through the results, null lists everyone', async () => {
    const first = await graph.execute(SEARCH, { s: 'hel', first: 1 }, {});
    expect(first.body.data!.members.nodes).toEqual([{ id: ids.helen }]);
    expect(first.body.data!.members.pageInfo.hasNextPage).toBe(true);
    const next = await graph.execute(SEARCH, { s: 'hel', first: 1, after: first.body.data!.members.pageInfo.endCursor }, {});
    expect(next.body.data!.members.nodes).toEqual([{ id: ids.helene }]);
    expect(ours(await found(null))).toEqual(expect.arrayContaining([ids.helene, ids.helen, ids.cent]));
  });

  it.each([['h'], [' e '], ['x'.repeat(101)], ['ab\u0007'], ['   ']])('refuses the search %j: BAD_USER_INPUT in French and English', async (search) => {
    const fr = await graph.execute(SEARCH, { s: search }, {});
    expect(fr.body.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Argument invalide. search : 2 à 100 caractères imprimables.'],
    ]);
    const en = await graph.execute(SEARCH, { s: search }, { lang: 'en' });
    expect(en.body.errors!.map((e) => e.message)).toEqual(['Invalid argument. search: 2 to 100 printable characters.']);
  });

  it('refuses NUL in the search before the resolver, naming the variable (the kit’s guard for every text)', async () => {
    const fr = await graph.execute(SEARCH, { s: 'ab\u0000' }, {});
    expect(fr.body.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'La variable « $s » contient le caractère NUL (U+0000), refusé dans tout texte.'],
    ]);
    const en = await graph.execute(SEARCH, { s: 'ab\u0000' }, { lang: 'en' });
    expect(en.body.errors!.map((e) => e.message)).toEqual(['Variable "$s" contains the NUL character (U+0000), refused in any text.']);
  });

  it('takes a search of 2 and of 100 characters', async () => {
    expect(ours(await found('hé'))).toEqual(expect.arrayContaining([ids.helen, ids.helene]));
    expect(await found('x'.repeat(100))).toEqual([]);
  });
});
