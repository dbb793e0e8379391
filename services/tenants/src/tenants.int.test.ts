import { stableId } from '@maison/house';
import { admin, anonymous, asTenant, useTestSubgraph } from '@maison/testing';
import { tenantsModule } from './module';

const graph = useTestSubgraph(tenantsModule);

const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');

describe('tenants subgraph', () => {
  it('lists the seeded spaces and tenants by their public slugs', async () => {
    const { body } = await graph.execute('{ sharedSpaces { slug } tenants { slug kind } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.sharedSpaces.map((s: { slug: string }) => s.slug)).toEqual(['cuisine', 'terrasse']);
    expect(body.data!.tenants.map((t: { slug: string }) => t.slug).sort()).toEqual([
      'acupuncture',
      'communication',
      'espace-ko',
      'graphisme',
      'le-vivoir',
      'massotherapie',
    ]);
  });

  it('answers in French by default and in English when asked', async () => {
    const query = '{ sharedSpace(slug: "cuisine") { name amenities } }';
    const fr = await graph.execute(query);
    const en = await graph.execute(query, {}, { lang: 'en' });
    expect(fr.body.data).toEqual({ sharedSpace: { name: 'Cuisine partagée', amenities: expect.arrayContaining(['Lave-vaisselle']) } });
    expect(en.body.data).toEqual({ sharedSpace: { name: 'Shared kitchen', amenities: expect.arrayContaining(['Dishwasher']) } });
  });

  it('falls back to French when a text has no English version', async () => {
    await graph.ds.query(`UPDATE tenant SET profession = '{"fr": "Ostéopathie"}' WHERE slug = 'graphisme'`);
    const { body } = await graph.execute('{ tenant(slug: "graphisme") { profession } }', {}, { lang: 'en' });
    expect(body).toEqual({ data: { tenant: { profession: 'Ostéopathie' } } });
    await graph.ds.query(`UPDATE tenant SET profession = '{"fr": "Design graphique", "en": "Graphic design"}' WHERE slug = 'graphisme'`);
  });

  it('resolves every entity type by key with one SQL statement per type', async () => {
    const bookings: { id: string }[] = await graph.ds.query('SELECT id FROM space_booking ORDER BY id');
    expect(bookings.length).toBeGreaterThanOrEqual(3);
    const representations = [
      ...['espace-ko', 'le-vivoir', 'acupuncture'].map((slug) => ({ __typename: 'Tenant', id: stableId('tenant', slug) })),
      { __typename: 'SharedSpace', id: kitchen },
      { __typename: 'SharedSpace', id: terrace },
      ...bookings.map((b) => ({ __typename: 'SpaceBooking', id: b.id })),
      { __typename: 'CalendarDay', date: '2026-12-01' },
    ];
    const { body, statements } = await graph.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Tenant { slug } ... on SharedSpace { slug } ... on SpaceBooking { startsAt } ... on CalendarDay { date } } }`,
      { r: representations },
      { identity: admin },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(representations.length);
    expect(body.data!._entities.slice(0, 5)).toEqual([
      { slug: 'espace-ko' },
      { slug: 'le-vivoir' },
      { slug: 'acupuncture' },
      { slug: 'cuisine' },
      { slug: 'terrasse' },
    ]);
    // Tenant, SharedSpace, SpaceBooking: one statement each; CalendarDay needs none.
    expect(statements).toBe(3);
  });

  it('answers null for a reference to an unknown or malformed id, without an error', async () => {
    const { body } = await graph.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { slug } } }`, {
      r: [
        { __typename: 'Tenant', id: 'not-a-uuid' },
        { __typename: 'Tenant', id: stableId('tenant', 'nobody') },
      ],
    });
    expect(body).toEqual({ data: { _entities: [null, null] } });
  });

  it('carries its @key directives in _service { sdl }', async () => {
    const { body } = await graph.execute('{ _service { sdl } }');
    const sdl: string = body.data!._service.sdl;
    for (const type of ['Tenant', 'SharedSpace', 'SpaceBooking']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type CalendarDay\s+@key\(fields: "date"\)/);
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2.9');
  });

  it('hides the title and holder of a private booking from others, not from its holder or ADMIN', async () => {
    const query = `query($from: DateTime!, $to: DateTime!) { sharedSpace(slug: "cuisine") { bookings(from: $from, to: $to) { title holder { name } } } }`;
    const row: { starts_at: Date } = (
      await graph.ds.query(`SELECT starts_at FROM space_booking WHERE id = $1`, [stableId('space-booking', 'lunch-acupuncture')])
    )[0];
    const vars = { from: row.starts_at.toISOString(), to: new Date(row.starts_at.getTime() + 60_000).toISOString() };
    const seen = async (identity = anonymous) => (await graph.execute(query, vars, { identity })).body.data!.sharedSpace.bookings;
    expect(await seen()).toEqual([{ title: null, holder: null }]);
    expect(await seen(asTenant('graphisme'))).toEqual([{ title: null, holder: null }]);
    expect(await seen(asTenant('acupuncture'))).toEqual([{ title: 'Dîner d’équipe', holder: { name: 'Acupuncture Port-Joli' } }]);
    expect(await seen(admin)).toEqual([{ title: 'Dîner d’équipe', holder: { name: 'Acupuncture Port-Joli' } }]);
  });

  it("resolves another holder's private booking by reference exactly like an unknown id", async () => {
    const privateId = stableId('space-booking', 'lunch-acupuncture');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SpaceBooking { id } } }`;
    const r = [
      { __typename: 'SpaceBooking', id: privateId },
      { __typename: 'SpaceBooking', id: stableId('space-booking', 'nothing-here') },
    ];
    expect((await graph.execute(query, { r }, { identity: asTenant('graphisme') })).body).toEqual({ data: { _entities: [null, null] } });
    expect((await graph.execute(query, { r }, { identity: anonymous })).body).toEqual({ data: { _entities: [null, null] } });
    expect((await graph.execute(query, { r }, { identity: asTenant('acupuncture') })).body).toEqual({ data: { _entities: [{ id: privateId }, null] } });
    const publicId = stableId('space-booking', 'diner-communautaire');
    expect((await graph.execute(query, { r: [{ __typename: 'SpaceBooking', id: publicId }] })).body).toEqual({ data: { _entities: [{ id: publicId }] } });
  });

  it('refuses a bookings window whose end is not after its start, in the caller’s language', async () => {
    const query = '{ sharedSpace(slug: "cuisine") { bookings(from: "2026-12-02T00:00:00Z", to: "2026-12-01T00:00:00Z") { id } } }';
    const refusal = async (lang: 'fr' | 'en') => (await graph.execute(query, {}, { lang })).body.errors?.map((e) => [e.extensions?.code, e.message]);
    expect(await refusal('fr')).toEqual([['BAD_USER_INPUT', 'Argument invalide. « to » doit suivre « from ».']]);
    expect(await refusal('en')).toEqual([['BAD_USER_INPUT', 'Invalid argument. "to" must be after "from".']]);
  });
});

describe('tenants database constraints', () => {
  it('refuses text without French, malformed opening hours, and a booking that ends before it starts', async () => {
    const insertTenant = (name: string) =>
      graph.ds.query(`INSERT INTO tenant (id, slug, name, kind) VALUES (gen_random_uuid(), 'x-' || substr(md5(random()::text), 1, 8), $1, 'PROFESSIONAL')`, [
        name,
      ]);
    await expect(insertTenant('{"en": "English only"}')).rejects.toThrow(/tenant_name_check/);
    await expect(insertTenant('{"fr": "  "}')).rejects.toThrow(/tenant_name_check/);
    await expect(insertTenant('"juste du texte"')).rejects.toThrow(/tenant_name_check/);
    await expect(
      graph.ds.query(`UPDATE shared_space SET opening_hours = '[{"weekday": 8, "opens": "07:00", "closes": "22:00"}]' WHERE slug = 'cuisine'`),
    ).rejects.toThrow(/shared_space_opening_hours_check/);
    await expect(
      graph.ds.query(`UPDATE shared_space SET opening_hours = '[{"weekday": 1, "opens": "22:00", "closes": "07:00"}]' WHERE slug = 'cuisine'`),
    ).rejects.toThrow(/shared_space_opening_hours_check/);
    await expect(graph.ds.query(`UPDATE space_booking SET ends_at = starts_at - interval '1 minute'`)).rejects.toThrow(/check/);
  });

  it('loads the seed only once: a second run changes nothing', async () => {
    const count = async () =>
      (
        await graph.ds.query(`SELECT (SELECT count(*) FROM tenant) + (SELECT count(*) FROM office) + (SELECT count(*) FROM shared_space)
        + (SELECT count(*) FROM space_booking) + (SELECT count(*) FROM space_booking_history) AS n`)
      )[0].n;
    const before = await count();
    await tenantsModule.demo!(graph.ds);
    expect(await count()).toBe(before);
  });
});
