import { stableId } from '@maison/house';
import { withClient, useTestSubgraph } from '@maison/testing';
import { coworkingModule } from './module';

const graph = useTestSubgraph(coworkingModule, { seed: false });

const kitchen = stableId('shared-space', 'cuisine');
const title = JSON.stringify({ fr: 'Atelier', en: 'Workshop' });
const room = JSON.stringify({ fr: 'Salle de réunion', en: 'Meeting room' });

/** Inserts straight into PostgreSQL, outside the application, and returns the error it raised (or null). */
async function refusal(sql: string, params: unknown[]): Promise<{ code: string; constraint?: string } | null> {
  return withClient(graph.databaseUrl, async (client) => {
    try {
      await client.query(sql, params);
      return null;
    } catch (error) {
      const { code, constraint } = error as { code: string; constraint?: string };
      return constraint === undefined ? { code } : { code, constraint };
    }
  });
}

let n = 0;
const insertEvent = (values: { spaceId?: string | null; room?: string | null; startsAt?: string; endsAt?: string; capacity?: number; title?: string }) =>
  refusal(`INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, space_id, room, capacity) VALUES ($1, 'WORKSHOP', $2, $3, $4, $5, $6, $7)`, [
    stableId('coworking-event', `constraint-test-${++n}`),
    values.title ?? title,
    values.startsAt ?? '2026-12-01T10:00:00-05:00',
    values.endsAt ?? '2026-12-01T11:00:00-05:00',
    values.spaceId === undefined ? null : values.spaceId,
    values.room === undefined ? room : values.room,
    values.capacity ?? 10,
  ]);

describe('database constraints', () => {
  it('accept an event in a room, and one in a shared space', async () => {
    expect(await insertEvent({})).toBeNull();
    expect(await insertEvent({ spaceId: kitchen, room: null })).toBeNull();
  });

  it('refuse an event held both in a shared space and in a room, or nowhere', async () => {
    expect(await insertEvent({ spaceId: kitchen })).toEqual({ code: '23514', constraint: 'coworking_event_one_venue' });
    expect(await insertEvent({ spaceId: null, room: null })).toEqual({ code: '23514', constraint: 'coworking_event_one_venue' });
  });

  it('refuse an event that ends before it starts, or when it starts', async () => {
    expect(await insertEvent({ endsAt: '2026-12-01T09:00:00-05:00' })).toEqual({ code: '23514', constraint: 'coworking_event_ends_after_start' });
    expect(await insertEvent({ endsAt: '2026-12-01T10:00:00-05:00' })).toEqual({ code: '23514', constraint: 'coworking_event_ends_after_start' });
  });

  it('refuse an event without capacity or without a French title', async () => {
    expect(await insertEvent({ capacity: 0 })).toEqual({ code: '23514', constraint: 'coworking_event_capacity_check' });
    for (const texts of [{ en: 'Workshop' }, { fr: '   ', en: 'Workshop' }, { fr: null }, ['Atelier']]) {
      expect(await insertEvent({ title: JSON.stringify(texts) })).toEqual({ code: '23514', constraint: 'coworking_event_title_check' });
    }
  });

  it('refuse a negative price, and days on a plan that is not the card', async () => {
    // Since migration 007 a plan may be free (0 to 1 000 000 cents, membership-plan.constraints.int.test.ts).
    const plan = (code: string, cents: number, days: number | null) =>
      refusal(`INSERT INTO membership_plan (id, code, slug, name, price_cents, days_included) VALUES ($1, $2, $3, $4, $5, $6)`, [
        stableId('membership-plan', `${code}-test-${++n}`),
        code,
        `essai-${n}`,
        JSON.stringify({ fr: 'Essai' }),
        cents,
        days,
      ]);
    expect(await plan('DAY_PASS', -1, null)).toEqual({ code: '23514', constraint: 'membership_plan_price_range' });
    expect(await plan('DAY_PASS', 2500, 3)).toEqual({ code: '23514', constraint: 'membership_plan_check' });
    expect(await plan('TEN_DAY_CARD', 20000, null)).toEqual({ code: '23514', constraint: 'membership_plan_check' });
  });

  it('refuse a membership that ends before it starts or uses more days than its card holds', async () => {
    const memberId = stableId('member', 'constraint-test');
    // The plans are reference data, in every database: the 10-day card is there without the demo data.
    const planId = stableId('membership-plan', 'TEN_DAY_CARD');
    expect(await refusal(`INSERT INTO member (id, display_name, joined_on) VALUES ($1, 'Personne Fictive', '2026-01-01')`, [memberId])).toBeNull();
    // Several plans may share a kind since migration 007, never a slug.
    expect(
      await refusal(
        `INSERT INTO membership_plan (id, code, slug, name, price_cents, days_included) VALUES ($1, 'TEN_DAY_CARD', 'ten-day-card', $2, 20000, 10)`,
        [stableId('membership-plan', 'TEN_DAY_CARD-constraint'), JSON.stringify({ fr: 'Carte' })],
      ),
    ).toEqual({ code: '23505', constraint: 'membership_plan_slug_key' });
    const membership = (startsOn: string, endsOn: string, included: number | null, used: number | null) =>
      refusal(`INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, days_included, days_used) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        stableId('membership', `constraint-${++n}`),
        memberId,
        planId,
        startsOn,
        endsOn,
        included,
        used,
      ]);
    expect(await membership('2026-01-10', '2026-01-09', 10, 0)).toEqual({ code: '23514', constraint: 'membership_check' });
    expect(await membership('2026-01-10', '2027-01-09', 10, 11)).toEqual({ code: '23514', constraint: 'membership_check2' });
    expect(await membership('2026-01-10', '2027-01-09', 10, null)).toEqual({ code: '23514', constraint: 'membership_check1' });
    expect(await membership('2026-01-10', '2027-01-09', 10, 10)).toBeNull();
  });
});

describe('database constraints of presence and registrations', () => {
  const memberId = stableId('member', 'presence-constraints');
  const cardId = stableId('membership', 'presence-constraints-card');
  const eventId = stableId('coworking-event', 'registration-constraints');
  const checkIn = (date: string, usedCardDay: boolean, out: string | null) =>
    refusal(
      `INSERT INTO check_in (id, member_id, membership_id, local_date, used_card_day, checked_in_at, checked_out_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [stableId('check-in', `constraint-${++n}`), memberId, cardId, date, usedCardDay, `${date}T09:00:00-05:00`, out],
    );
  const register = (registrant: string, status: string) =>
    refusal(`INSERT INTO event_registration (id, event_id, registrant, status, cancelled_at) VALUES ($1, $2, $3, $4, $5)`, [
      stableId('registration', `constraint-${++n}`),
      eventId,
      registrant,
      status,
      status === 'CANCELLED' ? new Date() : null,
    ]);

  beforeAll(async () => {
    await graph.ds.query(`INSERT INTO member (id, display_name, joined_on) VALUES ($1, 'Personne Présente', '2026-01-01')`, [memberId]);
    await graph.ds.query(
      `INSERT INTO membership_plan (id, code, slug, name, price_cents, days_included) VALUES ($1, 'TEN_DAY_CARD', 'ten-day-card', $2, 20000, 10) ON CONFLICT (slug) DO NOTHING`,
      [stableId('membership-plan', 'TEN_DAY_CARD-presence'), { fr: 'Carte' }],
    );
    await graph.ds.query(
      `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on, days_included, days_used)
       SELECT $1, $2, id, '2026-01-01', '2026-12-31', 10, 0 FROM membership_plan WHERE slug = 'ten-day-card'`,
      [cardId, memberId],
    );
    await graph.ds.query(
      `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, room, capacity) VALUES ($1, 'TALK', $2, '2026-12-01T10:00:00-05:00', '2026-12-01T11:00:00-05:00', $3, 5)`,
      [eventId, title, room],
    );
  });

  it('keep one seat count, 24 by default, as a single row', async () => {
    expect(await graph.ds.query('SELECT id, capacity FROM coworking_settings')).toEqual([{ id: true, capacity: 24 }]);
    expect(await refusal(`INSERT INTO coworking_settings (id, capacity) VALUES (false, 10)`, [])).toEqual({
      code: '23514',
      constraint: 'coworking_settings_id_check',
    });
    expect(await refusal(`UPDATE coworking_settings SET capacity = 0`, [])).toEqual({ code: '23514', constraint: 'coworking_settings_capacity_check' });
  });

  it('allow one open check-in per member, and a card to pay for a day once', async () => {
    expect(await checkIn('2026-03-02', true, null)).toBeNull();
    expect(await checkIn('2026-03-02', false, null)).toEqual({ code: '23505', constraint: 'check_in_one_open_idx' });
    expect(await checkIn('2026-03-02', true, '2026-03-02T12:00:00-05:00')).toEqual({ code: '23505', constraint: 'check_in_one_card_day_idx' });
    expect(await checkIn('2026-03-02', false, '2026-03-02T12:00:00-05:00')).toBeNull();
    expect(await checkIn('2026-03-03', true, '2026-03-03T12:00:00-05:00')).toBeNull();
    expect(await checkIn('2026-03-04', false, '2026-03-04T08:00:00-05:00')).toEqual({ code: '23514', constraint: 'check_in_out_after_in' });
  });

  it('allow one live registration per caller and event, and a new one after a cancellation', async () => {
    expect(await register('caller-a', 'CONFIRMED')).toBeNull();
    expect(await register('caller-a', 'WAITLISTED')).toEqual({ code: '23505', constraint: 'event_registration_live_idx' });
    expect(await register('caller-b', 'CANCELLED')).toBeNull();
    expect(await register('caller-b', 'CANCELLED')).toBeNull();
    expect(await register('caller-b', 'WAITLISTED')).toBeNull();
    expect(
      await refusal(`INSERT INTO event_registration (id, event_id, registrant, status) VALUES ($1, $2, 'caller-c', 'CANCELLED')`, [
        stableId('registration', `constraint-${++n}`),
        eventId,
      ]),
    ).toEqual({ code: '23514', constraint: 'event_registration_cancelled_at' });
  });

  it('keep a member’s fields within the bounds of member.rules.ts, and one member per email whatever its case', async () => {
    const insertMember = (values: { name?: string; email?: string | null; phone?: string | null; profession?: string | null; bio?: string | null }) =>
      refusal(`INSERT INTO member (id, display_name, email, phone, profession, short_bio, joined_on) VALUES ($1, $2, $3, $4, $5, $6, '2026-01-01')`, [
        stableId('member', `constraint-${++n}`),
        values.name ?? 'Membre',
        values.email === undefined ? null : values.email,
        values.phone === undefined ? null : values.phone,
        values.profession === undefined ? null : values.profession,
        values.bio === undefined ? null : values.bio,
      ]);
    expect(await insertMember({ name: 'é'.repeat(120), email: 'Une@Exemple.ca', phone: '+1 (418) 555-0199' })).toBeNull();
    expect(await insertMember({ name: 'é'.repeat(121) })).toEqual({ code: '23514', constraint: 'member_display_name_length' });
    expect(await insertMember({ name: '  ' })).toEqual({ code: '23514', constraint: 'member_display_name_length' });
    expect(await insertMember({ email: 'une@exemple.CA' })).toEqual({ code: '23505', constraint: 'member_email_key' });
    expect(await insertMember({ email: 'pas-une-adresse' })).toEqual({ code: '23514', constraint: 'member_email_shape' });
    expect(await insertMember({ email: `${'a'.repeat(244)}@exemple.ca` })).toEqual({ code: '23514', constraint: 'member_email_shape' });
    expect(await insertMember({ email: `${'a'.repeat(243)}@exemple.ca` })).toBeNull();
    expect(await insertMember({ phone: '123456' })).toEqual({ code: '23514', constraint: 'member_phone_shape' });
    expect(await insertMember({ phone: '--------' })).toEqual({ code: '23514', constraint: 'member_phone_shape' });
    expect(await insertMember({ phone: '1234567' })).toBeNull();
    expect(await insertMember({ profession: JSON.stringify({ fr: 'x'.repeat(100), en: 'y'.repeat(100) }) })).toBeNull();
    expect(await insertMember({ profession: JSON.stringify({ fr: 'x', en: 'y'.repeat(101) }) })).toEqual({
      code: '23514',
      constraint: 'member_profession_length',
    });
    expect(await insertMember({ bio: JSON.stringify({ fr: 'x'.repeat(500) }) })).toBeNull();
    expect(await insertMember({ bio: JSON.stringify({ fr: 'x'.repeat(501) }) })).toEqual({ code: '23514', constraint: 'member_short_bio_length' });
  });
});
