import { randomUUID } from 'node:crypto';
import { stableId } from '@maison/house';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, useTestSubgraph } from '@maison/testing';
import { tenantsModule } from '../../module';

/** createTenant and updateTenant through GraphQL, on real PostgreSQL (the seeded house). */
const graph = useTestSubgraph(tenantsModule);

const FIELDS = 'id slug name kind profession description contact { email phone } website archivedAt';
const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { ${FIELDS} } userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTenantInput!) { updateTenant(id: $id, input: $input) { tenant { ${FIELDS} } userErrors { code message field } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(query, variables, { identity, lang });
  return body;
};
const create = async (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => (await run(CREATE, { input }, admin, lang)).data!.createTenant;
const update = async (id: string, input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') =>
  (await run(UPDATE, { id, input }, admin, lang)).data!.updateTenant;
const codes = (payload: { userErrors: { code: string; field: string[] | null }[] }) => payload.userErrors.map((e) => [e.code, e.field?.join('.')]);
const fresh = (prefix = 'essai') => `${prefix}-${randomUUID().slice(0, 8)}`;
const minimal = () => ({ slug: fresh(), name: { fr: 'Atelier du bois', en: 'Wood workshop' }, kind: 'PROFESSIONAL' });

describe('createTenant', () => {
  it('creates a tenant, in French by default and in English when asked, and stores it as given', async () => {
    const slug = fresh('atelier');
    const input = {
      slug,
      name: { fr: ' Atelier du bois ', en: 'Wood workshop' },
      kind: 'PROFESSIONAL',
      profession: { fr: 'Ébénisterie', en: 'Cabinetmaking' },
      description: { fr: 'Meubles sur mesure.\nDepuis 1998.' },
      contactEmail: 'bonjour@bois.example',
      contactPhone: '+1 418 555-0199',
      website: 'https://bois.example',
    };
    const created = await create(input);
    expect(created).toEqual({
      tenant: {
        id: expect.any(String),
        slug,
        name: 'Atelier du bois',
        kind: 'PROFESSIONAL',
        profession: 'Ébénisterie',
        description: 'Meubles sur mesure.\nDepuis 1998.',
        contact: { email: 'bonjour@bois.example', phone: '+1 418 555-0199' },
        website: 'https://bois.example',
        archivedAt: null,
      },
      userErrors: [],
    });
    const en = await run(`{ tenant(slug: "${slug}") { name profession description offices { id } } }`, {}, anonymous, 'en');
    expect(en).toEqual({
      data: { tenant: { name: 'Wood workshop', profession: 'Cabinetmaking', description: 'Meubles sur mesure.\nDepuis 1998.', offices: [] } },
    });
    const listed = await run('{ tenants(kind: PROFESSIONAL) { slug } }', {}, anonymous);
    expect(listed.data!.tenants.map((t: { slug: string }) => t.slug)).toContain(slug);
  });

  it('is for ADMIN only: UNAUTHENTICATED without a token, FORBIDDEN for a tenant, and nothing is written', async () => {
    const input = minimal();
    expect((await run(CREATE, { input }, anonymous)).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const forbidden = await run(CREATE, { input }, asTenant('acupuncture'), 'en');
    expect(forbidden.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['FORBIDDEN', expect.any(String)]]);
    expect(forbidden.data).toBeNull();
    expect(await graph.ds.query('SELECT 1 FROM tenant WHERE slug = $1', [input.slug])).toEqual([]);
  });

  it('refuses a taken slug with SLUG_TAKEN, archived tenants included, in French and in English', async () => {
    const taken = { ...minimal(), slug: 'acupuncture' };
    expect(await create(taken)).toEqual({
      tenant: null,
      userErrors: [{ code: 'SLUG_TAKEN', message: 'Ce nom court est déjà pris.', field: ['input', 'slug'] }],
    });
    expect((await create(taken, 'en')).userErrors[0].message).toBe('This short name is already taken.');
    const archived = await create(minimal());
    await graph.ds.query('UPDATE tenant SET archived_at = now() WHERE id = $1', [archived.tenant.id]);
    expect(codes(await create({ ...minimal(), slug: archived.tenant.slug }))).toEqual([['SLUG_TAKEN', 'input.slug']]);
  });

  it('gives one of two concurrent creations of one slug the tenant, the other SLUG_TAKEN', async () => {
    const slug = fresh();
    const results = await Promise.all([create({ ...minimal(), slug }), create({ ...minimal(), slug })]);
    expect(results.filter((r) => r.tenant).length).toBe(1);
    expect(results.flatMap(codes)).toEqual([['SLUG_TAKEN', 'input.slug']]);
  });

  it('checks every field on both sides of its bounds, each fault at its path', async () => {
    expect(codes(await create({ ...minimal(), slug: `a${'b'.repeat(58)}${randomUUID().slice(0, 1)}` }))).toEqual([]);
    expect(codes(await create({ ...minimal(), slug: 'a'.repeat(61) }))).toEqual([['INVALID_INPUT', 'input.slug']]);
    expect(codes(await create({ ...minimal(), name: { fr: 'n'.repeat(200) } }))).toEqual([]);
    expect(codes(await create({ ...minimal(), name: { fr: 'n'.repeat(201) } }))).toEqual([['INVALID_INPUT', 'input.name.fr']]);
    expect(codes(await create({ ...minimal(), name: { fr: ' ', en: 'Name' } }))).toEqual([['INVALID_INPUT', 'input.name.fr']]);
    expect(codes(await create({ ...minimal(), profession: { fr: 'p'.repeat(101) } }))).toEqual([['INVALID_INPUT', 'input.profession.fr']]);
    expect(codes(await create({ ...minimal(), description: { fr: 'd', en: 'd'.repeat(2001) } }))).toEqual([['INVALID_INPUT', 'input.description.en']]);
    expect(codes(await create({ ...minimal(), name: { fr: 'a\u0007b' } }))).toEqual([['INVALID_INPUT', 'input.name.fr']]);
    expect(codes(await create({ ...minimal(), slug: 'Pas Un Slug', contactEmail: 'pas-une-adresse', contactPhone: '12', website: 'bois.example' }))).toEqual([
      ['INVALID_INPUT', 'input.slug'],
      ['INVALID_INPUT', 'input.contactEmail'],
      ['INVALID_INPUT', 'input.contactPhone'],
      ['INVALID_INPUT', 'input.website'],
    ]);
  });

  it('puts a refused field into words in the caller’s language', async () => {
    const input = { ...minimal(), contactPhone: 'appelez-moi' };
    expect((await create(input)).userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        message: 'La valeur de « contactPhone » est invalide : un numéro de téléphone : chiffres, espaces, ( ) . - et un + au début, 7 à 25 caractères.',
        field: ['input', 'contactPhone'],
      },
    ]);
    expect((await create(input, 'en')).userErrors[0].message).toBe(
      'The value of "contactPhone" is invalid: a phone number: digits, spaces, ( ) . - and a leading +, 7 to 25 characters.',
    );
  });
});

describe('updateTenant', () => {
  it('changes what is given, keeps what is left out, and clears an optional field given null', async () => {
    const { tenant } = await create({ ...minimal(), profession: { fr: 'Ébénisterie' }, contactEmail: 'a@bois.example', website: 'http://bois.example' });
    const slug = fresh('menuiserie');
    const updated = await update(tenant.id, { slug, name: { fr: 'Menuiserie du fleuve' }, contactEmail: null, website: 'https://fleuve.example' });
    expect(updated).toEqual({
      tenant: { ...tenant, slug, name: 'Menuiserie du fleuve', contact: { email: null, phone: null }, website: 'https://fleuve.example' },
      userErrors: [],
    });
    // null on slug, name or kind leaves them as they are.
    expect((await update(tenant.id, { slug: null, name: null, kind: null })).tenant).toEqual(updated.tenant);
    // The id, which tokens name, stays the same.
    expect((await run(`{ tenant(slug: "${slug}") { id } }`, {}, anonymous)).data!.tenant.id).toBe(tenant.id);
  });

  it('checks the merged tenant, a taken slug, and names an unknown or malformed id NOT_FOUND', async () => {
    const { tenant } = await create(minimal());
    expect(codes(await update(tenant.id, { slug: 'graphisme' }))).toEqual([['SLUG_TAKEN', 'input.slug']]);
    expect(codes(await update(tenant.id, { slug: tenant.slug }))).toEqual([]);
    expect(codes(await update(tenant.id, { description: { fr: '' } }))).toEqual([['INVALID_INPUT', 'input.description.fr']]);
    expect(codes(await update(randomUUID(), { kind: 'GALLERY' }))).toEqual([['NOT_FOUND', 'id']]);
    expect(codes(await update('pas-un-uuid', { kind: 'GALLERY' }))).toEqual([['NOT_FOUND', 'id']]);
    expect((await update(randomUUID(), {}, 'en')).userErrors[0].message).toBe('Not found.');
  });

  it('refuses an archived tenant with ALREADY_ARCHIVED, in French and in English', async () => {
    const { tenant } = await create(minimal());
    await graph.ds.query('UPDATE tenant SET archived_at = now() WHERE id = $1', [tenant.id]);
    expect((await update(tenant.id, { name: { fr: 'Autre' } })).userErrors).toEqual([
      { code: 'ALREADY_ARCHIVED', message: 'Ce locataire est archivé.', field: ['id'] },
    ]);
    expect((await update(tenant.id, { name: { fr: 'Autre' } }, 'en')).userErrors[0].message).toBe('This tenant is archived.');
    expect((await graph.ds.query('SELECT name FROM tenant WHERE id = $1', [tenant.id]))[0].name).toEqual({ fr: 'Atelier du bois', en: 'Wood workshop' });
  });

  it('is for ADMIN only', async () => {
    const id = stableId('tenant', 'acupuncture');
    expect((await run(UPDATE, { id, input: { name: { fr: 'Volé' } } }, asTenant('acupuncture'))).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await run(UPDATE, { id, input: { name: { fr: 'Volé' } } }, anonymous)).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await run('{ tenant(slug: "acupuncture") { name } }', {}, anonymous)).data!.tenant.name).toBe('Acupuncture Port-Joli');
  });
});
