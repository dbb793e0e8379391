import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { stableId, toHouseIso } from '@maison/house';
import { admin, anonymous, asArtist, asMember, asTenant, useTestSubgraph, withRoles } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes } from '../../test-fixtures';
import {
  canSeeBookingDetails,
  detailsVisiblePositional,
  detailsVisibleSql,
  heldBySql,
  isBookingHolder,
  type SqlFilter,
  type VisibleRow,
} from './booking.access';
import { BookingVisibility, HolderKind } from './booking.enums';
import { SpaceBooking } from './space-booking.entity';

/**
 * The rules of booking.access.ts, once as predicates and once as SQL run by PostgreSQL, on every
 * kind of holder, creator and visibility: both must admit exactly the same bookings.
 */
const graph = useTestSubgraph(tenantsModule);

const tenant = asTenant('acupuncture');
const member = asMember('rosalie-tremblay');
const artist = asArtist('fernand-saint-aubin');
const IDENTITIES: Record<string, Identity> = {
  anonymous,
  admin,
  tenant,
  member,
  artist,
  'tenant and member': withRoles('both@test', ['TENANT', 'MEMBER'], { tenantId: tenant.tenantId, memberId: member.memberId }),
  // Names the tenant, but without the TENANT role it does not act for it.
  'tenantId without the role': withRoles('named@test', ['MEMBER'], { tenantId: tenant.tenantId }),
  'no role': withRoles('creator@test', []),
};
const HOLDERS: { kind: HolderKind; id: string | null }[] = [
  { kind: HolderKind.TENANT, id: tenant.tenantId! },
  { kind: HolderKind.TENANT, id: stableId('tenant', 'graphisme') },
  { kind: HolderKind.MEMBER, id: member.memberId! },
  { kind: HolderKind.ARTIST, id: artist.artistId! },
  { kind: HolderKind.HOUSE, id: null },
];
const CREATORS = [tenant.sub!, 'creator@test', 'someone@test'];

let spaceId: string;
let rows: SpaceBooking[];

beforeAll(async () => {
  spaceId = await createSpace(graph.ds);
  let start = futureHour(20, 0);
  for (const holder of HOLDERS) {
    for (const createdBy of CREATORS) {
      for (const visibility of [BookingVisibility.PUBLIC, BookingVisibility.PRIVATE]) {
        await graph.ds.query(
          `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until, visibility)
           VALUES ($1, $2, $3, $4, 'Essai', $5, $6, $7, $8, $8, $9)`,
          [randomUUID(), spaceId, holder.kind, holder.id, createdBy, `${holder.kind}/${createdBy}/${visibility}`, start, minutes(start, 30), visibility],
        );
        start = minutes(start, 60);
      }
    }
  }
  rows = await graph.ds.getRepository(SpaceBooking).find({ where: { spaceId }, order: { startsAt: 'ASC' } });
});

const idsWhere = async (filter: SqlFilter): Promise<string[]> =>
  (
    await graph.ds
      .getRepository(SpaceBooking)
      .createQueryBuilder('b')
      .where('b.space_id = :spaceId', { spaceId })
      .andWhere(filter.sql, filter.params)
      .orderBy('b.starts_at')
      .getMany()
  ).map((b) => b.id);
const idsOf = (predicate: (row: VisibleRow) => boolean) => rows.filter(predicate).map((b) => b.id);
const titlesOf = (predicate: (row: VisibleRow) => boolean) => rows.filter(predicate).map((b) => b.titleText);

describe('booking access: the predicates and their SQL agree', () => {
  it('has every kind of booking to judge', () => {
    expect(rows).toHaveLength(HOLDERS.length * CREATORS.length * 2);
  });

  it.each(Object.entries(IDENTITIES))('held by the caller: %s', async (_, identity) => {
    expect(await idsWhere(heldBySql(identity))).toEqual(idsOf((b) => isBookingHolder(b, identity)));
  });

  it.each(Object.entries(IDENTITIES))('details visible to the caller: %s', async (_, identity) => {
    expect(await idsWhere(detailsVisibleSql(identity))).toEqual(idsOf((b) => canSeeBookingDetails(b, identity)));
  });

  it.each(Object.entries(IDENTITIES))('details visible to the caller, with positional parameters (the calendar): %s', async (_, identity) => {
    const visible = detailsVisiblePositional(identity, 'b', 2);
    const found: { id: string }[] = await graph.ds.query(`SELECT b.id FROM space_booking b WHERE b.space_id = $1 AND ${visible.sql} ORDER BY b.starts_at`, [
      spaceId,
      ...visible.values,
    ]);
    expect(found.map((b) => b.id)).toEqual(idsOf((b) => canSeeBookingDetails(b, identity)));
  });

  it('sees public bookings for everyone, private ones for their holder, their creator and ADMIN', () => {
    const privateOnes = (identity: Identity) => titlesOf((b) => b.visibility === BookingVisibility.PRIVATE && canSeeBookingDetails(b, identity));
    expect(titlesOf((b) => canSeeBookingDetails(b, anonymous))).toHaveLength(HOLDERS.length * CREATORS.length);
    expect(privateOnes(anonymous)).toEqual([]);
    expect(privateOnes(admin)).toHaveLength(HOLDERS.length * CREATORS.length);
    expect(privateOnes(tenant)).toEqual([
      `TENANT/${tenant.sub}/PRIVATE`,
      'TENANT/creator@test/PRIVATE',
      'TENANT/someone@test/PRIVATE',
      `TENANT/${tenant.sub}/PRIVATE`,
      `MEMBER/${tenant.sub}/PRIVATE`,
      `ARTIST/${tenant.sub}/PRIVATE`,
      `HOUSE/${tenant.sub}/PRIVATE`,
    ]);
    expect(privateOnes(IDENTITIES['no role']!)).toEqual(HOLDERS.map((h) => `${h.kind}/creator@test/PRIVATE`));
    expect(privateOnes(IDENTITIES['tenantId without the role']!)).toEqual([]);
  });
});

describe('booking access through GraphQL', () => {
  const CALENDAR = `query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { spaceBookings { title space { id } } } }`;
  type Day = { spaceBookings: { title: string | null; space: { id: string } }[] };
  const calendarTitles = async (identity: Identity) => {
    const dayOf = (d: Date) => toHouseIso(d).slice(0, 10);
    const { body } = await graph.execute(CALENDAR, { from: dayOf(rows[0]!.startsAt), to: dayOf(rows[rows.length - 1]!.startsAt) }, { identity });
    expect(body.errors).toBeUndefined();
    return (body.data!.calendar as Day[]).flatMap((d) => d.spaceBookings.filter((b) => b.space.id === spaceId).map((b) => b.title));
  };

  it('lists in the calendar the bookings whose details the caller sees, with their titles', async () => {
    for (const identity of Object.values(IDENTITIES)) {
      expect(await calendarTitles(identity)).toEqual(titlesOf((b) => canSeeBookingDetails(b, identity)));
    }
  });

  it('gives a private booking by id to its holder and ADMIN only; a token naming the tenant without the role gets null', async () => {
    const held = rows.find(
      (b) => b.holderKind === HolderKind.TENANT && b.holderId === tenant.tenantId && b.createdBy === 'someone@test' && b.visibility === 'PRIVATE',
    )!;
    const BY_ID = `query($id: ID!) { spaceBooking(id: $id) { title holder { kind } attendeeCount history { action } } }`;
    const asCaller = async (identity: Identity) => (await graph.execute(BY_ID, { id: held.id }, { identity })).body.data!.spaceBooking;
    expect(await asCaller(tenant)).toEqual({ title: 'TENANT/someone@test/PRIVATE', holder: { kind: 'TENANT' }, attendeeCount: null, history: [] });
    expect(await asCaller(admin)).toEqual({ title: 'TENANT/someone@test/PRIVATE', holder: { kind: 'TENANT' }, attendeeCount: null, history: [] });
    expect(await asCaller(IDENTITIES['tenantId without the role']!)).toBeNull();
    expect(await asCaller(member)).toBeNull();
  });
});
