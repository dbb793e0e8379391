import type { Identity } from '@maison/auth';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asTenant, useTestSubgraph, withRoles } from '@maison/testing';
import { tenantsModule } from '../../module';
import { allWeek, createSpace, futureHour, minutes, someTenant } from '../../test-fixtures';

/** ADMIN manages the shared spaces and their rules through GraphQL, on real PostgreSQL. */
const graph = useTestSubgraph(tenantsModule);
const kitchen = stableId('shared-space', 'cuisine');

const UPDATE_RULES = `mutation($id: ID!, $rules: SpaceRulesInput!) {
  updateSpaceRules(spaceId: $id, rules: $rules) {
    space { id slug weeklyQuotaMinutes maxDurationMinutes bufferMinutes season { startsOn endsOn } openingHours { weekday opens closes } }
    conflicts { id status startsAt }
    userErrors { code message field }
  }
}`;
const UPDATE_SPACE = `mutation($id: ID!, $input: UpdateSharedSpaceInput!) {
  updateSharedSpace(id: $id, input: $input) { space { id name capacity amenities } conflicts { id status } userErrors { code message field } }
}`;
const CREATE = `mutation($input: CreateSharedSpaceInput!) {
  createSharedSpace(input: $input) {
    space { id slug name description capacity amenities minDurationMinutes maxDurationMinutes weeklyQuotaMinutes eligibleRoles slotStepMinutes openingHours { weekday opens closes } season { startsOn endsOn } }
    userErrors { code message field }
  }
}`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const HISTORY = `query($slug: String!) { sharedSpace(slug: $slug) { rulesHistory { at actor before { weeklyQuotaMinutes capacity bufferMinutes season { startsOn endsOn } } after { weeklyQuotaMinutes capacity bufferMinutes season { startsOn endsOn } } } } }`;

async function run(query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') {
  const { body } = await graph.execute(query, variables, { identity, lang });
  return body;
}
const updateRules = async (id: string, rules: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => {
  const body = await run(UPDATE_RULES, { id, rules }, admin, lang);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.updateSpaceRules;
};
const errorsOf = (payload: { userErrors: { code: string; field: string[] | null }[] }) =>
  payload.userErrors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`);
async function book(identity: Identity, spaceId: string, startsAt: Date, durationMinutes: number, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await run(BOOK, { input: { spaceId, startsAt, endsAt: minutes(startsAt, durationMinutes), title: 'Essai', ...extra } }, identity);
  if (body.errors || body.data!.bookSharedSpace.userErrors.length > 0) throw new Error(JSON.stringify(body));
  return body.data!.bookSharedSpace.booking.id;
}
const bookCodes = async (identity: Identity, spaceId: string, startsAt: Date, durationMinutes: number) => {
  const body = await run(BOOK, { input: { spaceId, startsAt, endsAt: minutes(startsAt, durationMinutes), title: 'Essai' } }, identity);
  return body.data!.bookSharedSpace.userErrors.map((e: { code: string }) => e.code);
};
const spaceRow = async (id: string) => (await graph.ds.query('SELECT * FROM shared_space WHERE id = $1', [id]))[0];
const statusOf = async (ids: string[]) =>
  (await graph.ds.query('SELECT status FROM space_booking WHERE id = ANY($1) ORDER BY id', [ids])).map((r: { status: string }) => r.status);
const historyCount = async (id: string) => (await graph.ds.query('SELECT count(*)::int AS n FROM shared_space_rules_history WHERE space_id = $1', [id]))[0].n;
const slugOf = async (id: string) => (await spaceRow(id)).slug as string;
const openingHours = allWeek('08:00', '20:00');
const newSpace = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  name: { fr: 'Atelier de menuiserie', en: 'Woodshop' },
  capacity: 8,
  rules: { openingHours },
  ...extra,
});

describe('who may manage the spaces', () => {
  it('refuses every mutation to anonymous callers (UNAUTHENTICATED) and to non-ADMIN (FORBIDDEN), changing nothing', async () => {
    const before = await spaceRow(kitchen);
    for (const identity of [anonymous, asTenant('graphisme'), withRoles('member:x', ['MEMBER']), withRoles('artist:x', ['ARTIST'])]) {
      const expected = identity.sub === null ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      for (const [query, variables] of [
        [UPDATE_RULES, { id: kitchen, rules: { weeklyQuotaMinutes: 60 } }],
        [UPDATE_SPACE, { id: kitchen, input: { capacity: 2 } }],
        [CREATE, { input: newSpace('refusee') }],
      ] as const) {
        const body = await run(query, variables, identity);
        expect(body.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
      }
    }
    expect(await spaceRow(kitchen)).toEqual(before);
    expect(await graph.ds.query(`SELECT 1 FROM shared_space WHERE slug = 'refusee'`)).toEqual([]);
  });

  it('shows rulesHistory to ADMIN only: null for anyone else', async () => {
    await updateRules(kitchen, { slotStepMinutes: 15 });
    for (const identity of [anonymous, asTenant('graphisme')]) {
      expect((await run(HISTORY, { slug: 'cuisine' }, identity)).data).toEqual({ sharedSpace: { rulesHistory: null } });
    }
    expect((await run(HISTORY, { slug: 'cuisine' })).data!.sharedSpace.rulesHistory.length).toBeGreaterThan(0);
    await updateRules(kitchen, { slotStepMinutes: 30 });
  });
});

describe('createSharedSpace', () => {
  it('creates a space with its rules, the others at their defaults', async () => {
    const body = await run(CREATE, {
      input: newSpace('atelier', {
        description: { fr: 'Établis et outils.' },
        amenities: [{ fr: 'Scie à onglet', en: 'Mitre saw' }],
        rules: { openingHours, season: { starts: '11-15', ends: '03-31' }, weeklyQuotaMinutes: 240, eligibleRoles: ['ARTIST'] },
      }),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.createSharedSpace).toEqual({
      space: {
        id: expect.any(String),
        slug: 'atelier',
        name: 'Atelier de menuiserie',
        description: 'Établis et outils.',
        capacity: 8,
        amenities: ['Scie à onglet'],
        minDurationMinutes: 30,
        maxDurationMinutes: 240,
        weeklyQuotaMinutes: 240,
        eligibleRoles: ['ARTIST'],
        slotStepMinutes: 30,
        openingHours,
        season: { startsOn: '11-15', endsOn: '03-31' },
      },
      userErrors: [],
    });
    const listed = await run('{ sharedSpaces { slug } }', {});
    expect(listed.data!.sharedSpaces.map((s: { slug: string }) => s.slug)).toContain('atelier');
  });

  it('refuses a slug taken or malformed, a capacity out of bounds and missing opening hours, with field paths, in French and English', async () => {
    const taken = await run(CREATE, { input: newSpace('cuisine') });
    expect(taken.data!.createSharedSpace).toEqual({
      space: null,
      userErrors: [{ code: 'SLUG_TAKEN', message: 'Ce nom court est déjà pris.', field: ['input', 'slug'] }],
    });
    const en = await run(CREATE, { input: newSpace('cuisine') }, admin, 'en');
    expect(en.data!.createSharedSpace.userErrors[0].message).toBe('This short name is already taken.');
    const bad = await run(CREATE, { input: { ...newSpace('Mauvais Nom'), capacity: 0, rules: { bufferMinutes: 241 } } });
    expect(errorsOf(bad.data!.createSharedSpace)).toEqual([
      'INVALID_INPUT@input.slug',
      'INVALID_INPUT@input.capacity',
      'INVALID_INPUT@input.rules.bufferMinutes',
      'INVALID_INPUT@input.rules.openingHours',
    ]);
    expect(errorsOf((await run(CREATE, { input: { ...newSpace('grande-salle'), capacity: 501 } })).data!.createSharedSpace)).toEqual([
      'INVALID_INPUT@input.capacity',
    ]);
    expect((await run(CREATE, { input: { ...newSpace('grande-salle'), capacity: 500 } })).data!.createSharedSpace.userErrors).toEqual([]);
    expect(await graph.ds.query(`SELECT slug FROM shared_space WHERE slug IN ('mauvais nom', 'Mauvais Nom')`)).toEqual([]);
  });

  it('answers one winner when two creates race for one slug', async () => {
    const results = await Promise.all([1, 2, 3].map(() => run(CREATE, { input: newSpace('jardin') })));
    const codes = results.map((r) => errorsOf(r.data!.createSharedSpace));
    expect(codes.filter((c) => c.length === 0)).toHaveLength(1);
    expect(codes.filter((c) => c.length > 0)).toEqual([['SLUG_TAKEN@input.slug'], ['SLUG_TAKEN@input.slug']]);
  });
});

describe('updateSpaceRules', () => {
  it('refuses every bad value with its field path and changes nothing', async () => {
    const id = await createSpace(graph.ds, { weeklyQuotaMinutes: 600, minDurationMinutes: 30, maxDurationMinutes: 240 });
    const before = await spaceRow(id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ openingHours: [{ weekday: 1, opens: '10:00', closes: '09:00' }] }, ['INVALID_INPUT@rules.openingHours.0.opens']],
      [{ openingHours: [{ weekday: 8, opens: '09:00', closes: '10:00' }] }, ['INVALID_INPUT@rules.openingHours.0.weekday']],
      [
        { openingHours: [{ weekday: 1, opens: '9h', closes: '25:00' }] },
        ['INVALID_INPUT@rules.openingHours.0.opens', 'INVALID_INPUT@rules.openingHours.0.closes'],
      ],
      [{ season: { starts: '02-30', ends: '10-31' } }, ['INVALID_INPUT@rules.season.starts']],
      [{ season: { starts: '05-01', ends: '13-01' } }, ['INVALID_INPUT@rules.season.ends']],
      [{ season: { starts: '05-01', ends: '10-31' }, allYear: true }, ['INVALID_INPUT@rules.season']],
      [{ bufferMinutes: -1 }, ['INVALID_INPUT@rules.bufferMinutes']],
      [{ bufferMinutes: 241 }, ['INVALID_INPUT@rules.bufferMinutes']],
      [{ minDurationMinutes: 241 }, ['INVALID_INPUT@rules.minDurationMinutes']],
      [{ maxDurationMinutes: 1441 }, ['INVALID_INPUT@rules.maxDurationMinutes']],
      [{ weeklyQuotaMinutes: 29 }, ['INVALID_INPUT@rules.weeklyQuotaMinutes']],
      [{ weeklyQuotaMinutes: 60, noWeeklyQuota: true }, ['INVALID_INPUT@rules.weeklyQuotaMinutes']],
      [{ horizonDays: 0 }, ['INVALID_INPUT@rules.horizonDays']],
      [{ horizonDays: 731 }, ['INVALID_INPUT@rules.horizonDays']],
      [{ minNoticeMinutes: -1 }, ['INVALID_INPUT@rules.minNoticeMinutes']],
      [{ minNoticeMinutes: 10081 }, ['INVALID_INPUT@rules.minNoticeMinutes']],
      [{ cancellationCutoffMinutes: -1 }, ['INVALID_INPUT@rules.cancellationCutoffMinutes']],
      [{ cancellationCutoffMinutes: 10081 }, ['INVALID_INPUT@rules.cancellationCutoffMinutes']],
      [{ eligibleRoles: ['TENANT', 'HOUSE'] }, ['INVALID_INPUT@rules.eligibleRoles.1']],
      [{ slotStepMinutes: 45 }, ['INVALID_INPUT@rules.slotStepMinutes']],
    ];
    for (const [rules, expected] of cases) expect([rules, errorsOf(await updateRules(id, rules))]).toEqual([rules, expected]);
    expect(await spaceRow(id)).toEqual(before);
    expect(await historyCount(id)).toBe(0);
  });

  it('accepts every bound itself', async () => {
    const id = await createSpace(graph.ds, { minDurationMinutes: 30, maxDurationMinutes: 240 });
    const cases: Record<string, unknown>[] = [
      { bufferMinutes: 0 },
      { bufferMinutes: 240 },
      { horizonDays: 1 },
      { horizonDays: 730 },
      { minNoticeMinutes: 0 },
      { minNoticeMinutes: 10080 },
      { cancellationCutoffMinutes: 0 },
      { cancellationCutoffMinutes: 10080 },
      { maxDurationMinutes: 1440 },
      { minDurationMinutes: 1440 },
      { minDurationMinutes: 30, weeklyQuotaMinutes: 30 },
      { weeklyQuotaMinutes: 10080 },
      { noWeeklyQuota: true },
      { season: { starts: '02-29', ends: '03-01' } },
      { allYear: true },
      { openingHours: [{ weekday: 7, opens: '00:00', closes: '24:00' }] },
      { slotStepMinutes: 5 },
      { eligibleRoles: [] },
    ];
    for (const rules of cases) expect([rules, errorsOf(await updateRules(id, rules))]).toEqual([rules, []]);
  });

  it('answers NOT_FOUND for an unknown or malformed space, in French and English', async () => {
    expect(await updateRules(stableId('shared-space', 'nowhere'), { bufferMinutes: 10 })).toEqual({
      space: null,
      conflicts: [],
      userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['spaceId'] }],
    });
    expect((await updateRules('not-a-uuid', { bufferMinutes: 10 }, 'en')).userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Not found.', field: ['spaceId'] },
    ]);
  });

  it('applies at once to new bookings and moves, and writes who changed what in the history', async () => {
    const id = await createSpace(graph.ds, { weeklyQuotaMinutes: 600, minDurationMinutes: 30, maxDurationMinutes: 240 });
    const slug = await slugOf(id);
    const tenant = await someTenant(graph.ds);
    expect(await bookCodes(tenant, id, futureHour(3, 10), 180)).toEqual([]);
    const changed = await updateRules(id, { maxDurationMinutes: 120, weeklyQuotaMinutes: 240 });
    expect(changed.userErrors).toEqual([]);
    expect(changed.space).toMatchObject({ maxDurationMinutes: 120, weeklyQuotaMinutes: 240 });
    expect(await bookCodes(tenant, id, futureHour(4, 10), 121)).toEqual(['TOO_LONG']);
    // A move is checked against the new rules too.
    const mover = await someTenant(graph.ds);
    const moving = await book(mover, id, futureHour(5, 10), 60);
    const MOVE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) { userErrors { code } } }`;
    const moved = async (durationMinutes: number) =>
      (await run(MOVE, { id: moving, s: futureHour(5, 12), e: minutes(futureHour(5, 12), durationMinutes) }, mover)).data!.rescheduleSpaceBooking.userErrors;
    expect(await moved(150)).toEqual([{ code: 'TOO_LONG' }]);
    expect(await moved(120)).toEqual([]);
    // The new quota: 240 minutes a week for each holder.
    const other = await someTenant(graph.ds);
    expect(await bookCodes(other, id, futureHour(10, 10), 120)).toEqual([]);
    expect(await bookCodes(other, id, futureHour(10, 14), 120)).toEqual([]);
    expect(await bookCodes(other, id, futureHour(10, 17), 30)).toEqual(['QUOTA_EXCEEDED']);

    const history = (await run(HISTORY, { slug })).data!.sharedSpace.rulesHistory;
    expect(history).toEqual([
      {
        at: expect.any(String),
        actor: 'admin@test',
        before: { weeklyQuotaMinutes: 600, capacity: 20, bufferMinutes: 0, season: null },
        after: { weeklyQuotaMinutes: 240, capacity: 20, bufferMinutes: 0, season: null },
      },
    ]);
    const [row] = await graph.ds.query('SELECT before, after FROM shared_space_rules_history WHERE space_id = $1', [id]);
    expect(row.before.maxDurationMinutes).toBe(240);
    expect(row.after.maxDurationMinutes).toBe(120);

    await updateRules(id, { season: { starts: '05-01', ends: '10-31' } });
    await updateRules(id, { allYear: true, noWeeklyQuota: true });
    const newest = (await run(HISTORY, { slug })).data!.sharedSpace.rulesHistory;
    expect(newest.map((h: { after: { season: unknown; weeklyQuotaMinutes: unknown } }) => [h.after.season, h.after.weeklyQuotaMinutes])).toEqual([
      [null, null],
      [{ startsOn: '05-01', endsOn: '10-31' }, 240],
      [null, 240],
    ]);
    // Asking for the rules the space already has is no change: no history row.
    await updateRules(id, { allYear: true, bufferMinutes: 0 });
    expect(await historyCount(id)).toBe(3);
  });
});

describe('conflicts: listed, never cancelled', () => {
  it('lists future bookings outside the new hours, season or durations, and cancels none', async () => {
    const id = await createSpace(graph.ds, { minDurationMinutes: 30, maxDurationMinutes: 480 });
    const tenant = await someTenant(graph.ds);
    const early = await book(tenant, id, futureHour(5, 7), 60);
    const long = await book(tenant, id, futureHour(5, 12), 300);
    const fine = await book(tenant, id, futureHour(6, 10), 60);
    const hours = await updateRules(id, { openingHours: allWeek('08:00', '22:00') });
    expect(hours.conflicts.map((c: { id: string }) => c.id)).toEqual([early]);
    const durations = await updateRules(id, { maxDurationMinutes: 240 });
    expect(durations.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([early, long].sort());
    expect(durations.conflicts.every((c: { status: string }) => c.status === 'CONFIRMED')).toBe(true);
    const shorter = await updateRules(id, { minDurationMinutes: 90, openingHours: allWeek('00:00', '24:00'), maxDurationMinutes: 1440 });
    expect(shorter.conflicts.map((c: { id: string }) => c.id).sort()).toEqual([early, fine].sort());
    expect(await statusOf([early, long, fine])).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
  });

  it('lists bookings out of a new season, wrapping the new year or not', async () => {
    const id = await createSpace(graph.ds);
    const soon = await book(await someTenant(graph.ds), id, futureHour(2, 10), 60);
    const today = todayInHouse();
    const md = (days: number) => addDays(today, days).slice(5);
    // A season that starts after the booking's day and ends before it: the day is out.
    const out = await updateRules(id, { season: { starts: md(10), ends: md(-10) } });
    expect(out.conflicts.map((c: { id: string }) => c.id)).toEqual([soon]);
    const around = await updateRules(id, { season: { starts: md(-1), ends: md(5) } });
    expect(around.conflicts).toEqual([]);
  });

  it('lists a booking starting inside the new cleaning buffer of the one before it, and the buffer applies to new bookings', async () => {
    const id = await createSpace(graph.ds);
    const first = await book(await someTenant(graph.ds), id, futureHour(4, 10), 60);
    const second = await book(await someTenant(graph.ds), id, futureHour(4, 11), 60);
    const third = await book(await someTenant(graph.ds), id, futureHour(4, 13), 60);
    const changed = await updateRules(id, { bufferMinutes: 30 });
    expect(changed.conflicts.map((c: { id: string }) => c.id)).toEqual([second]);
    expect(await statusOf([first, second, third])).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    // Occupied ranges follow the new buffer, up to the next row's start.
    const occupied = await graph.ds.query('SELECT id, occupied_until FROM space_booking WHERE space_id = $1 ORDER BY starts_at', [id]);
    expect(occupied.map((r: { occupied_until: Date }) => r.occupied_until.toISOString())).toEqual([
      futureHour(4, 11).toISOString(),
      minutes(futureHour(4, 12), 30).toISOString(),
      minutes(futureHour(4, 14), 30).toISOString(),
    ]);
    expect(await bookCodes(await someTenant(graph.ds), id, minutes(futureHour(4, 14), 15), 60)).toEqual(['SLOT_UNAVAILABLE']);
    expect(await bookCodes(await someTenant(graph.ds), id, minutes(futureHour(4, 14), 30), 60)).toEqual([]);
  });

  it('lists event holds like bookings, never closures, and no past booking', async () => {
    const id = await createSpace(graph.ds);
    const hold = await run(`mutation($input: HoldSharedSpaceInput!) { holdSharedSpace(input: $input) { booking { id } userErrors { code } } }`, {
      input: { reference: `coworking-event:${id.slice(0, 8)}`, spaceId: id, startsAt: futureHour(3, 6), endsAt: futureHour(3, 7), title: 'Atelier' },
    });
    const holdId = hold.data!.holdSharedSpace.booking.id;
    const closure = await run(`mutation($input: CloseSharedSpaceInput!) { closeSharedSpace(input: $input) { booking { id } userErrors { code } } }`, {
      input: { spaceId: id, startsAt: futureHour(3, 1), endsAt: futureHour(3, 2), reason: 'Entretien' },
    });
    const closureId = closure.data!.closeSharedSpace.booking.id;
    const [past] = await graph.ds.query(
      `INSERT INTO space_booking (id, space_id, holder_kind, holder_name, created_by, title, starts_at, ends_at, occupied_until)
       VALUES (gen_random_uuid(), $1, 'HOUSE', 'La Maison', 'seed', 'Passé', now() - interval '3 days', now() - interval '3 days' + interval '1 hour', now() - interval '3 days' + interval '1 hour') RETURNING id`,
      [id],
    );
    const changed = await updateRules(id, { openingHours: allWeek('08:00', '20:00') });
    expect(changed.conflicts.map((c: { id: string }) => c.id)).toEqual([holdId]);
    expect(await statusOf([holdId, closureId, past.id])).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
  });

  it('lists bookings of holders no longer eligible, and the new eligibility applies to new bookings', async () => {
    const id = await createSpace(graph.ds);
    const tenant = await someTenant(graph.ds);
    const booked = await book(tenant, id, futureHour(3, 10), 60);
    const changed = await updateRules(id, { eligibleRoles: ['MEMBER', 'ARTIST'] });
    expect(changed.conflicts.map((c: { id: string }) => c.id)).toEqual([booked]);
    expect(await bookCodes(tenant, id, futureHour(3, 14), 60)).toEqual(['NOT_ELIGIBLE']);
  });

  it('does not count quota nor horizon: a booking made under the old ones keeps them', async () => {
    const id = await createSpace(graph.ds, { weeklyQuotaMinutes: 600 });
    await book(await someTenant(graph.ds), id, futureHour(40, 10), 300);
    const changed = await updateRules(id, { weeklyQuotaMinutes: 60, horizonDays: 10, minNoticeMinutes: 10080 });
    expect(changed).toMatchObject({ conflicts: [], userErrors: [] });
  });
});

describe('updateSharedSpace', () => {
  it('changes texts without a rule change, and a capacity as a rule change with its conflicts and history', async () => {
    const id = await createSpace(graph.ds, { capacity: 20 });
    const big = await book(await someTenant(graph.ds), id, futureHour(3, 10), 60, { attendees: 12 });
    const small = await book(await someTenant(graph.ds), id, futureHour(3, 12), 60, { attendees: 6 });
    const texts = await run(UPDATE_SPACE, { id, input: { name: { fr: 'Salon', en: 'Lounge' }, amenities: [{ fr: 'Piano' }] } }, admin, 'en');
    expect(texts.data!.updateSharedSpace).toEqual({ space: { id, name: 'Lounge', capacity: 20, amenities: ['Piano'] }, conflicts: [], userErrors: [] });
    expect(await historyCount(id)).toBe(0);
    const capacity = await run(UPDATE_SPACE, { id, input: { capacity: 8 } });
    expect(capacity.data!.updateSharedSpace).toEqual({
      space: { id, name: 'Salon', capacity: 8, amenities: ['Piano'] },
      conflicts: [{ id: big, status: 'CONFIRMED' }],
      userErrors: [],
    });
    expect(await statusOf([big, small])).toEqual(['CONFIRMED', 'CONFIRMED']);
    const [row] = await graph.ds.query('SELECT actor, before, after FROM shared_space_rules_history WHERE space_id = $1', [id]);
    expect([row.actor, row.before.capacity, row.after.capacity]).toEqual(['admin@test', 20, 8]);
    const bad = await run(UPDATE_SPACE, { id, input: { capacity: 0, name: { fr: '' } } });
    expect(errorsOf(bad.data!.updateSharedSpace)).toEqual(['INVALID_INPUT@input.name.fr', 'INVALID_INPUT@input.capacity']);
    expect(errorsOf((await run(UPDATE_SPACE, { id: 'nope', input: { capacity: 3 } })).data!.updateSharedSpace)).toEqual(['NOT_FOUND@id']);
    const over = await run(
      BOOK,
      { input: { spaceId: id, startsAt: futureHour(5, 10), endsAt: futureHour(5, 11), title: 'Essai', attendees: 9 } },
      await someTenant(graph.ds),
    );
    expect(over.data!.bookSharedSpace.userErrors.map((e: { code: string }) => e.code)).toEqual(['OVER_CAPACITY']);
  });
});

describe('the database keeps the same bounds as the API', () => {
  /** Whether PostgreSQL accepts the rules, in a transaction rolled back. */
  async function databaseAccepts(id: string, set: string): Promise<boolean> {
    const runner = graph.ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE shared_space SET ${set} WHERE id = $1`, [id]);
      return true;
    } catch {
      return false;
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it.each([
    ['buffer_minutes', 'bufferMinutes', [-1, 0, 240, 241]],
    ['horizon_days', 'horizonDays', [0, 1, 730, 731]],
    ['min_notice_minutes', 'minNoticeMinutes', [-1, 0, 10080, 10081]],
    ['cancellation_cutoff_minutes', 'cancellationCutoffMinutes', [-1, 0, 10080, 10081]],
    ['max_duration_minutes', 'maxDurationMinutes', [29, 30, 1440, 1441]],
    ['min_duration_minutes', 'minDurationMinutes', [0, 1, 240, 241]],
    ['weekly_quota_minutes', 'weeklyQuotaMinutes', [29, 30, 10080, 10081]],
    ['slot_step_minutes', 'slotStepMinutes', [4, 5, 60, 45]],
    ['capacity', 'capacity', [0, 1, 500, 501]],
  ] as const)('%s: the API and PostgreSQL accept and refuse the same values', async (column, field, values) => {
    const id = await createSpace(graph.ds, { minDurationMinutes: 30, maxDurationMinutes: 240 });
    for (const value of values) {
      const api =
        field === 'capacity'
          ? (await run(UPDATE_SPACE, { id, input: { capacity: value } })).data!.updateSharedSpace.userErrors.length === 0
          : errorsOf(await updateRules(id, { [field]: value })).length === 0;
      // Put the space back as it was before asking the database.
      await graph.ds.query(`UPDATE shared_space SET ${column} = DEFAULT WHERE id = $1`, [id]).catch(() => undefined);
      await graph.ds.query(
        'UPDATE shared_space SET capacity = 20, min_duration_minutes = 30, max_duration_minutes = 240, weekly_quota_minutes = NULL WHERE id = $1',
        [id],
      );
      expect([column, value, await databaseAccepts(id, `${column} = ${value}`)]).toEqual([column, value, api]);
    }
  });

  it('seasons and opening hours: the API and PostgreSQL agree', async () => {
    const id = await createSpace(graph.ds);
    for (const md of ['02-29', '02-30', '04-30', '04-31', '12-31', '13-01', '00-10', '1-01']) {
      const api = errorsOf(await updateRules(id, { season: { starts: md, ends: '12-31' } })).length === 0;
      expect([md, await databaseAccepts(id, `season_starts = '${md}', season_ends = '12-31'`)]).toEqual([md, api]);
    }
    for (const [opens, closes] of [
      ['09:00', '10:00'],
      ['10:00', '10:00'],
      ['24:00', '24:00'],
      ['00:00', '24:00'],
      ['09:60', '10:00'],
      ['09:00', '24:01'],
    ]) {
      const api = errorsOf(await updateRules(id, { openingHours: [{ weekday: 1, opens, closes }] })).length === 0;
      const json = JSON.stringify([{ weekday: 1, opens, closes }]);
      expect([opens, closes, await databaseAccepts(id, `opening_hours = '${json}'`)]).toEqual([opens, closes, api]);
    }
  });
});
