import { DateTime } from 'luxon';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, anonymous, asMember, asTenant, useTestSubgraph } from '@maison/testing';
import type { Identity } from '@maison/auth';
import { coworkingModule } from './module';

const graph = useTestSubgraph(coworkingModule);

const member = (slug: string) => stableId('member', slug);
const leonie = member('leonie-gauthier');
const today = todayInHouse();

describe('who sees a non-public member', () => {
  const others: [string, Identity][] = [
    ['anonymous', anonymous],
    ['another member', asMember('rosalie-tremblay')],
    ['a tenant', asTenant('acupuncture')],
  ];

  it.each(others)('hides Léonie from %s in members, member(id) and _entities, as if she did not exist', async (_who, identity) => {
    const { body } = await graph.execute(
      `query($id: ID!, $ghost: ID!, $r: [_Any!]!) {
        members(first: 100) { totalCount nodes { id } }
        member(id: $id) { displayName }
        ghost: member(id: $ghost) { displayName }
        _entities(representations: $r) { ... on Member { displayName } } }`,
      {
        id: leonie,
        ghost: member('nobody-at-all'),
        r: [
          { __typename: 'Member', id: leonie },
          { __typename: 'Member', id: member('nobody-at-all') },
        ],
      },
      { identity },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.totalCount).toBe(10);
    expect(body.data!.members.nodes.map((n: { id: string }) => n.id)).not.toContain(leonie);
    expect(body.data!.member).toBeNull();
    expect(body.data!.ghost).toBeNull();
    expect(body.data!._entities).toEqual([null, null]);
  });

  it('shows Léonie to herself, in the directory too, but not the other non-public member', async () => {
    const { body } = await graph.execute(
      `query($id: ID!) { members(first: 100) { totalCount nodes { displayName } } member(id: $id) { displayName isPublic profession }
        _entities(representations: [{ __typename: "Member", id: "${leonie}" }]) { ... on Member { displayName } } }`,
      { id: leonie },
      { identity: asMember('leonie-gauthier') },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.totalCount).toBe(11);
    const names = body.data!.members.nodes.map((n: { displayName: string }) => n.displayName);
    expect(names).toContain('Léonie Gauthier-Rêverie');
    expect(names).not.toContain('Octave Dubé-Nébuleuse');
    expect(body.data!.member).toEqual({ displayName: 'Léonie Gauthier-Rêverie', isPublic: false, profession: 'Avocate' });
    expect(body.data!._entities).toEqual([{ displayName: 'Léonie Gauthier-Rêverie' }]);
  });

  it('shows every member to ADMIN', async () => {
    const { body } = await graph.execute(`{ members(first: 100) { totalCount nodes { displayName isPublic } } }`, {}, { identity: admin });
    expect(body.data!.members.totalCount).toBe(12);
    expect(body.data!.members.nodes.filter((n: { isPublic: boolean }) => !n.isPublic)).toEqual([
      { displayName: 'Léonie Gauthier-Rêverie', isPublic: false },
      { displayName: 'Octave Dubé-Nébuleuse', isPublic: false },
    ]);
  });
});

describe('memberships', () => {
  const query = `query($id: ID!) { member(id: $id) {
    memberships { plan { code } status daysLeft startsOn endsOn }
    currentMembership { plan { code } status daysLeft member { displayName } } } }`;

  it('are null for anyone but the member and ADMIN', async () => {
    for (const identity of [anonymous, asMember('eloi-bouchard'), asTenant('graphisme')]) {
      const { body } = await graph.execute(query, { id: member('rosalie-tremblay') }, { identity });
      expect(body).toEqual({ data: { member: { memberships: null, currentMembership: null } } });
    }
  });

  it('show the member their own card and the days left on it', async () => {
    const { body } = await graph.execute(query, { id: member('eloi-bouchard') }, { identity: asMember('eloi-bouchard') });
    const startsOn = addDays(today, -40);
    const card = { plan: { code: 'TEN_DAY_CARD' }, status: 'ACTIVE', daysLeft: 7 };
    expect(body).toEqual({
      data: {
        member: {
          memberships: [{ ...card, startsOn, endsOn: DateTime.fromISO(startsOn).plus({ years: 1 }).minus({ days: 1 }).toISODate() }],
          currentMembership: { ...card, member: { displayName: 'Éloi Bouchard-Inventé' } },
        },
      },
    });
  });

  it('derive their status from the dates in house time, latest first, unless cancelled', async () => {
    const statuses = async (slug: string) => {
      const { body } = await graph.execute(query, { id: member(slug) }, { identity: admin });
      const m = body.data!.member;
      return {
        all: m.memberships.map((x: { plan: { code: string }; status: string }) => `${x.plan.code}:${x.status}`),
        current: m.currentMembership?.status ?? null,
      };
    };
    expect(await statuses('maelle-gagnon')).toEqual({ all: ['PART_TIME_MONTHLY:ACTIVE', 'PART_TIME_MONTHLY:EXPIRED'], current: 'ACTIVE' });
    expect(await statuses('baptiste-ouellet')).toEqual({ all: ['FULL_TIME_MONTHLY:EXPIRED'], current: null });
    expect(await statuses('clemence-cote')).toEqual({ all: ['PART_TIME_MONTHLY:CANCELLED'], current: null });
    expect(await statuses('zacharie-morin')).toEqual({ all: ['DAY_PASS:ACTIVE'], current: 'ACTIVE' });
    expect(await statuses('jeremie-belanger')).toEqual({ all: [], current: null });
    expect(await statuses('leonie-gauthier')).toEqual({ all: ['FULL_TIME_MONTHLY:ACTIVE'], current: 'ACTIVE' });
  });

  it('of a whole page of members cost one statement, and their plans one more', async () => {
    const { body, statements } = await graph.execute(
      `{ members(first: 100) { nodes { displayName memberships { status plan { code } } currentMembership { daysLeft } } } }`,
      {},
      { identity: admin },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.nodes).toHaveLength(12);
    // The page, the memberships of its 12 members, the plans of those memberships.
    expect(statements).toBe(3);
  });
});
