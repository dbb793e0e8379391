import type { Identity } from '@maison/auth';
import { admin, anonymous, asMember, asTenant, useTestSubgraph, withRoles } from '@maison/testing';
import { coworkingModule } from './module';
import { canSeeMember, visibleMembersWhere } from './modules/member/member.access';
import { Member } from './modules/member/member.entity';
import { canSeeMembershipsOf } from './modules/membership/membership.access';
import { canSeeRegistration, visibleRegistrationsWhere } from './modules/registration/registration.access';
import { createMember, createRoomEvent, memberIdentity } from './test-fixtures';

/**
 * Each access rule of coworking is one definition read two ways: a predicate on a loaded row and
 * the SQL that filters lists. On the seeded house plus rows made for the edge cases, the rows the
 * SQL keeps are exactly those the predicate accepts, for every kind of caller.
 */
const graph = useTestSubgraph(coworkingModule);

let privateId: string;
let publicId: string;
let callers: [string, Identity][];

beforeAll(async () => {
  privateId = await createMember(graph.ds, { name: 'Membre discret', isPublic: false });
  publicId = await createMember(graph.ds, { name: 'Membre affiché', isPublic: true });
  const event = await createRoomEvent(graph.ds);
  // Registrants differing only by case are two callers: a sub is compared as it is, in code and in SQL.
  for (const [registrant, memberId] of [
    [`member:${privateId}`, privateId],
    ['tenant-user:ana', null],
    ['TENANT-USER:ANA', null],
  ]) {
    await graph.ds.query(`INSERT INTO event_registration (id, event_id, registrant, member_id, status) VALUES (gen_random_uuid(), $1, $2, $3, 'WAITLISTED')`, [
      event,
      registrant,
      memberId,
    ]);
  }
  callers = [
    ['anonymous', anonymous],
    ['ADMIN', admin],
    ['a public member', asMember('rosalie-tremblay')],
    ['a non-public member', memberIdentity(privateId)],
    ['a non-public member, memberId in capitals', { ...memberIdentity(privateId), memberId: privateId.toUpperCase() }],
    ['a member whose memberId is no UUID', withRoles('member:odd', ['MEMBER'], { memberId: 'not-a-uuid' })],
    ['a member who exists nowhere', withRoles('member:ghost', ['MEMBER'], { memberId: '00000000-0000-4000-8000-00000000dead' })],
    ['a MEMBER without memberId', withRoles('member:none', ['MEMBER'])],
    ['a tenant', asTenant('acupuncture')],
    ['a tenant user who registered', withRoles('tenant-user:ana', ['TENANT'])],
  ];
});

const sorted = (ids: string[]) => [...ids].sort();

describe('members: public for everyone, non-public for themself and ADMIN', () => {
  it('keeps in SQL exactly the members the predicate shows, for every caller', async () => {
    const all = await graph.ds.getRepository(Member).find();
    expect(all.length).toBeGreaterThan(10);
    for (const [who, identity] of callers) {
      const where = visibleMembersWhere(identity, 'm');
      const bySql = await graph.ds.getRepository(Member).createQueryBuilder('m').where(where.sql, where.params).getMany();
      const byPredicate = all.filter((m) => canSeeMember(m, identity));
      expect({ who, ids: sorted(bySql.map((m) => m.id)) }).toEqual({ who, ids: sorted(byPredicate.map((m) => m.id)) });
    }
  });

  it('shows the non-public member to themself (whatever the case of the claim) and ADMIN only', async () => {
    const seen = Object.fromEntries(
      callers.map(([who, identity]) => [
        who,
        [canSeeMember({ id: privateId, isPublic: false }, identity), canSeeMember({ id: publicId, isPublic: true }, identity)],
      ]),
    );
    expect(seen).toEqual({
      anonymous: [false, true],
      ADMIN: [true, true],
      'a public member': [false, true],
      'a non-public member': [true, true],
      'a non-public member, memberId in capitals': [true, true],
      'a member whose memberId is no UUID': [false, true],
      'a member who exists nowhere': [false, true],
      'a MEMBER without memberId': [false, true],
      'a tenant': [false, true],
      'a tenant user who registered': [false, true],
    });
  });
});

describe('registrations: seen by their registrant only', () => {
  it('keeps in SQL exactly the registrations the predicate shows, for every caller', async () => {
    const all: { id: string; registrant: string }[] = await graph.ds.query('SELECT id, registrant FROM event_registration');
    for (const [who, identity] of callers) {
      const values: unknown[] = [];
      const bySql: { id: string }[] = await graph.ds.query(
        `SELECT r.id FROM event_registration r WHERE ${visibleRegistrationsWhere(identity, 'r', values)}`,
        values,
      );
      const byPredicate = all.filter((r) => canSeeRegistration(r, identity));
      expect({ who, ids: sorted(bySql.map((r) => r.id)) }).toEqual({ who, ids: sorted(byPredicate.map((r) => r.id)) });
    }
  });

  it('shows each registrant their own, none to ADMIN or anonymous', async () => {
    const all: { registrant: string }[] = await graph.ds.query(
      `SELECT registrant FROM event_registration WHERE registrant IN ($1, 'tenant-user:ana', 'TENANT-USER:ANA')`,
      [`member:${privateId}`],
    );
    const seenBy = (identity: Identity) => all.filter((r) => canSeeRegistration(r, identity)).map((r) => r.registrant);
    expect(seenBy(memberIdentity(privateId))).toEqual([`member:${privateId}`]);
    expect(seenBy(withRoles('tenant-user:ana', ['TENANT']))).toEqual(['tenant-user:ana']);
    expect(seenBy(admin)).toEqual([]);
    expect(seenBy(anonymous)).toEqual([]);
  });
});

describe('memberships: seen by their member and ADMIN (checked before loading, no SQL filters on it)', () => {
  it('shows a member their own memberships, ADMIN everyone’s, and no one else anyone’s, public member or not', () => {
    const seen = Object.fromEntries(
      callers.map(([who, identity]) => [who, [canSeeMembershipsOf(privateId, identity), canSeeMembershipsOf(publicId, identity)]]),
    );
    expect(seen).toEqual({
      anonymous: [false, false],
      ADMIN: [true, true],
      'a public member': [false, false],
      'a non-public member': [true, false],
      'a non-public member, memberId in capitals': [true, false],
      'a member whose memberId is no UUID': [false, false],
      'a member who exists nowhere': [false, false],
      'a MEMBER without memberId': [false, false],
      'a tenant': [false, false],
      'a tenant user who registered': [false, false],
    });
    expect(canSeeMembershipsOf(privateId.toUpperCase(), memberIdentity(privateId))).toBe(true);
  });
});
