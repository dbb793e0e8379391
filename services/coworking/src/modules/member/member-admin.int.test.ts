import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { addDays, todayInHouse } from '@maison/house';
import { admin, anonymous, asMember, asTenant, startTestSubgraph, withRoles } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { memberIdentity } from '../../test-fixtures';

/** createMember, updateMember and updateMyProfile through GraphQL, on real PostgreSQL, for every role. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
});
afterAll(async () => {
  await graph?.close();
});

const today = todayInHouse();
const MEMBER = 'id displayName profession shortBio isPublic joinedOn deactivatedAt contact { email phone }';
const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { member { ${MEMBER} } userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { member { ${MEMBER} } userErrors { code message field } } }`;
const PROFILE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { member { ${MEMBER} } userErrors { code message field } } }`;

const email = () => `membre-${randomUUID().slice(0, 8)}@exemple.ca`;
const run = async (query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(query, variables, { identity, lang })).body;
const create = async (input: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') => {
  const body = await run(CREATE, { input: { email: email(), ...input } }, identity, lang);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.createMember;
};
const created = async (input: Record<string, unknown> = {}) => (await create({ displayName: 'Membre d’essai', ...input })).member;
const errorCode = (body: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);

describe('createMember (ADMIN)', () => {
  it('creates a non-public member who joined today by default, with their contact for ADMIN', async () => {
    const address = email();
    const { member, userErrors } = await create({ displayName: '  Hélène Roy ', email: address, phone: '418 555-0199' });
    expect(userErrors).toEqual([]);
    expect(member).toEqual({
      id: expect.any(String),
      displayName: 'Hélène Roy',
      profession: null,
      shortBio: null,
      isPublic: false,
      joinedOn: today,
      deactivatedAt: null,
      contact: { email: address, phone: '418 555-0199' },
    });
    const [row] = await graph.ds.query('SELECT display_name, email, is_public, joined_on::text, deactivated_at FROM member WHERE id = $1', [member.id]);
    expect(row).toEqual({ display_name: 'Hélène Roy', email: address, is_public: false, joined_on: today, deactivated_at: null });
  });

  it('keeps both languages of the texts, public when asked, and an earlier joinedOn', async () => {
    const { member } = await create({
      displayName: 'Bastien Roy',
      profession: { fr: 'Céramiste', en: 'Ceramist' },
      shortBio: { fr: 'Tourne le grès.\nCuit au bois.', en: 'Throws stoneware.' },
      isPublic: true,
      joinedOn: '2020-02-29',
    });
    expect(member).toMatchObject({ profession: 'Céramiste', shortBio: 'Tourne le grès.\nCuit au bois.', isPublic: true, joinedOn: '2020-02-29' });
    const en = await run(`query($id: ID!) { member(id: $id) { profession shortBio } }`, { id: member.id }, anonymous, 'en');
    expect(en.data!.member).toEqual({ profession: 'Ceramist', shortBio: 'Throws stoneware.' });
  });

  it('reports every faulty field at once, in French by default and in English', async () => {
    const input = { displayName: 'x'.repeat(121), email: 'pas-une-adresse', phone: '12', profession: { fr: ' ' }, joinedOn: addDays(today, 1) };
    expect((await create(input)).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'La valeur de « displayName » est invalide : 1 à 120 caractères.', field: ['input', 'displayName'] },
      {
        code: 'INVALID_INPUT',
        message: 'La valeur de « email » est invalide : une adresse courriel (nom@domaine.ca), 254 caractères au plus.',
        field: ['input', 'email'],
      },
      {
        code: 'INVALID_INPUT',
        message: 'La valeur de « phone » est invalide : un numéro de téléphone : chiffres, espaces, ( ) . - et un + au début, 7 à 25 caractères.',
        field: ['input', 'phone'],
      },
      { code: 'INVALID_INPUT', message: 'La valeur de « profession.fr » est invalide : le français est requis.', field: ['input', 'profession', 'fr'] },
      { code: 'INVALID_INPUT', message: 'La valeur de « joinedOn » est invalide : pas dans le futur.', field: ['input', 'joinedOn'] },
    ]);
    const en = await create({ displayName: '', email: 'a@b' }, admin, 'en');
    expect(en.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "displayName" is invalid: 1 to 120 characters.', field: ['input', 'displayName'] },
      {
        code: 'INVALID_INPUT',
        message: 'The value of "email" is invalid: an email address (name@domain.ca), at most 254 characters.',
        field: ['input', 'email'],
      },
    ]);
    expect(en.member).toBeNull();
  });

  it('takes a name of 120 characters and today as joinedOn, not 121 nor tomorrow', async () => {
    expect((await create({ displayName: 'é'.repeat(120), joinedOn: today })).userErrors).toEqual([]);
    expect((await create({ displayName: 'é'.repeat(121) })).userErrors.map((e: { field: string[] }) => e.field)).toEqual([['input', 'displayName']]);
    expect((await create({ displayName: 'Demain', joinedOn: addDays(today, 1) })).userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'joinedOn'],
    ]);
  });

  it('refuses an email another member has, whatever its case: EMAIL_TAKEN, in both languages', async () => {
    const address = email();
    await created({ email: address });
    expect((await create({ displayName: 'Double', email: address.toUpperCase() })).userErrors).toEqual([
      { code: 'EMAIL_TAKEN', message: 'Un autre membre utilise déjà cette adresse courriel.', field: ['input', 'email'] },
    ]);
    expect((await create({ displayName: 'Double', email: ` ${address} ` }, admin, 'en')).userErrors).toEqual([
      { code: 'EMAIL_TAKEN', message: 'Another member already uses this email address.', field: ['input', 'email'] },
    ]);
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM member WHERE lower(email) = $1', [address]))[0].n).toBe(1);
  });

  it('two members created at once with one email: one of them, the other EMAIL_TAKEN', async () => {
    const address = email();
    const answers = await Promise.all([1, 2, 3].map((k) => create({ displayName: `Course ${k}`, email: address })));
    expect(answers.filter((a) => a.member).length).toBe(1);
    expect(answers.flatMap((a) => a.userErrors.map((e: { code: string }) => e.code))).toEqual(['EMAIL_TAKEN', 'EMAIL_TAKEN']);
  });

  it.each([
    ['a MEMBER', asMember('rosalie-tremblay'), 'FORBIDDEN'],
    ['a TENANT', asTenant('acupuncture'), 'FORBIDDEN'],
    ['anonymous', anonymous, 'UNAUTHENTICATED'],
  ])('is refused to %s (%s), and writes nothing', async (_, identity, code) => {
    const before = (await graph.ds.query('SELECT count(*)::int AS n FROM member'))[0].n;
    const body = await run(CREATE, { input: { displayName: 'Intrus', email: email() } }, identity);
    expect(errorCode(body)).toEqual([code]);
    expect((await graph.ds.query('SELECT count(*)::int AS n FROM member'))[0].n).toBe(before);
  });
});

describe('updateMember (ADMIN)', () => {
  it('changes the fields given, leaves the others, and null clears an optional one', async () => {
    const member = await created({ phone: '418 555-0100', profession: { fr: 'Potière', en: 'Potter' }, shortBio: { fr: 'Bio' } });
    const { body } = await graph.execute(
      UPDATE,
      { id: member.id, input: { displayName: 'Nouveau nom', phone: null, profession: { fr: 'Céramiste' } } },
      { identity: admin },
    );
    expect(body.data!.updateMember).toEqual({
      member: { ...member, displayName: 'Nouveau nom', profession: 'Céramiste', contact: { email: member.contact.email, phone: null } },
      userErrors: [],
    });
    const [row] = await graph.ds.query('SELECT profession, short_bio, updated_at FROM member WHERE id = $1', [member.id]);
    expect(row.profession).toEqual({ fr: 'Céramiste' });
    expect(row.short_bio).toEqual({ fr: 'Bio' });
    expect(row.updated_at).toBeInstanceOf(Date);
  });

  it('refuses null for a required field, a taken email, a faulty text; and changes nothing then', async () => {
    const other = await created();
    const member = await created({ displayName: 'Reste pareil' });
    const refused = await run(UPDATE, { id: member.id, input: { displayName: null, email: other.contact.email.toUpperCase(), isPublic: null } });
    expect(refused.data!.updateMember.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.displayName'],
      ['INVALID_INPUT', 'input.isPublic'],
    ]);
    const taken = await run(UPDATE, { id: member.id, input: { email: other.contact.email.toUpperCase() } }, admin, 'en');
    expect(taken.data!.updateMember).toEqual({
      member: null,
      userErrors: [{ code: 'EMAIL_TAKEN', message: 'Another member already uses this email address.', field: ['input', 'email'] }],
    });
    const [row] = await graph.ds.query('SELECT display_name, email, is_public FROM member WHERE id = $1', [member.id]);
    expect(row).toEqual({ display_name: 'Reste pareil', email: member.contact.email, is_public: false });
  });

  it('keeps its own email in another case', async () => {
    const member = await created();
    const upper = member.contact.email.toUpperCase();
    expect((await run(UPDATE, { id: member.id, input: { email: upper } })).data!.updateMember.member.contact.email).toBe(upper);
  });

  it('answers NOT_FOUND for an unknown id and an id that is no UUID', async () => {
    for (const id of [randomUUID(), 'pas-un-uuid']) {
      expect((await run(UPDATE, { id, input: { displayName: 'Personne' } })).data!.updateMember).toEqual({
        member: null,
        userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['id'] }],
      });
    }
  });

  it.each([
    ['the member themself', (id: string) => memberIdentity(id), 'FORBIDDEN'],
    ['another MEMBER', () => asMember('rosalie-tremblay'), 'FORBIDDEN'],
    ['a TENANT', () => asTenant('acupuncture'), 'FORBIDDEN'],
    ['anonymous', () => anonymous, 'UNAUTHENTICATED'],
  ])('is refused to %s, and changes nothing', async (_, identityOf, code) => {
    const member = await created({ displayName: 'Intouchable' });
    expect(errorCode(await run(UPDATE, { id: member.id, input: { displayName: 'Pirate' } }, identityOf(member.id)))).toEqual([code]);
    expect((await graph.ds.query('SELECT display_name FROM member WHERE id = $1', [member.id]))[0].display_name).toBe('Intouchable');
  });
});

describe('updateMyProfile (the member of the token)', () => {
  it('changes your own profile; your email is ADMIN’s to change', async () => {
    const member = await created({ displayName: 'Avant' });
    const me = memberIdentity(member.id);
    const { data } = await run(
      PROFILE,
      { input: { displayName: 'Après', isPublic: true, profession: { fr: 'Ébéniste', en: 'Cabinetmaker' }, phone: '+1 418 555-0142' } },
      me,
    );
    expect(data!.updateMyProfile).toEqual({
      member: { ...member, displayName: 'Après', isPublic: true, profession: 'Ébéniste', contact: { email: member.contact.email, phone: '+1 418 555-0142' } },
      userErrors: [],
    });
    const withEmail = await run(PROFILE, { input: { email: 'autre@exemple.ca' } }, me);
    // The input type has no email: GraphQL refuses the variable before any resolver.
    expect(errorCode(withEmail)).toEqual(['BAD_USER_INPUT']);
    expect((await graph.ds.query('SELECT email FROM member WHERE id = $1', [member.id]))[0].email).toBe(member.contact.email);
  });

  it('validates like ADMIN’s update, in English too', async () => {
    const member = await created();
    const { data } = await run(PROFILE, { input: { displayName: '\u0007', shortBio: { fr: 'x'.repeat(501) } } }, memberIdentity(member.id), 'en');
    expect(data!.updateMyProfile).toEqual({
      member: null,
      userErrors: [
        { code: 'INVALID_INPUT', message: 'The value of "displayName" is invalid: control characters.', field: ['input', 'displayName'] },
        { code: 'INVALID_INPUT', message: 'The value of "shortBio.fr" is invalid: at most 500 characters.', field: ['input', 'shortBio', 'fr'] },
      ],
    });
  });

  it('answers UNKNOWN_HOLDER to a token naming nobody, FORBIDDEN to a token naming no member, UNAUTHENTICATED anonymously', async () => {
    const ghost = withRoles('member:fantome', ['MEMBER'], { memberId: randomUUID() });
    expect((await run(PROFILE, { input: { displayName: 'Fantôme' } }, ghost)).data!.updateMyProfile).toEqual({
      member: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.', field: null }],
    });
    const notUuid = withRoles('member:bizarre', ['MEMBER'], { memberId: 'pas-un-uuid' });
    expect((await run(PROFILE, { input: { displayName: 'X' } }, notUuid)).data!.updateMyProfile.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'UNKNOWN_HOLDER',
    ]);
    expect(errorCode(await run(PROFILE, { input: { displayName: 'X' } }, admin))).toEqual(['FORBIDDEN']);
    expect(errorCode(await run(PROFILE, { input: { displayName: 'X' } }, asTenant('acupuncture')))).toEqual(['FORBIDDEN']);
    expect(errorCode(await run(PROFILE, { input: { displayName: 'X' } }, anonymous))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('who reads contact and deactivatedAt', () => {
  it('the member and ADMIN; null for another member, a tenant and anonymous', async () => {
    const member = await created({ isPublic: true, phone: '418 555-0111' });
    const READ = `query($id: ID!) { member(id: $id) { contact { email phone } deactivatedAt } }`;
    const contact = { email: member.contact.email, phone: '418 555-0111' };
    for (const identity of [admin, memberIdentity(member.id)]) {
      expect((await run(READ, { id: member.id }, identity)).data!.member).toEqual({ contact, deactivatedAt: null });
    }
    for (const identity of [asMember('rosalie-tremblay'), asTenant('acupuncture'), anonymous]) {
      expect((await run(READ, { id: member.id }, identity)).data!.member).toEqual({ contact: null, deactivatedAt: null });
    }
  });

  it('a member Espace KO has no email of (written before migration 005) has no contact, even for ADMIN', async () => {
    const { data } = await run(`query($id: ID!) { member(id: $id) { contact { email } } }`, { id: asMember('rosalie-tremblay').memberId }, admin);
    expect(data!.member).toEqual({ contact: null });
  });
});
