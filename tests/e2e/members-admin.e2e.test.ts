import { randomUUID } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, startGraph, withRoles, type RunningGraph } from '@maison/testing';

/**
 * Espace KO keeps its members through the API (issue 13), through the gateway and the real subgraphs:
 * ADMIN creates a member, the member edits their profile and reads their own page, a search finds
 * them without accents, and once ADMIN deactivates them they can neither check in nor book a shared
 * space (the tenants ledger asks coworking, which no longer vouches for a membership).
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const MEMBER = 'id displayName profession isPublic deactivatedAt contact { email phone }';
const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { member { ${MEMBER} } userErrors { code message field } } }`;
const PROFILE = `mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { member { ${MEMBER} } userErrors { code message field } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateMember(id: $id) { member { id deactivatedAt } userErrors { code message field } } }`;
const JOIN = `mutation($input: JoinPlanInput!) { joinPlan(input: $input) { membership { status } userErrors { code } } }`;
const CHECK_IN = `mutation { checkIn { checkIn { id } userErrors { code message field } } }`;
const CHECK_OUT = `mutation { checkOut { checkIn { checkedOutAt } userErrors { code } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const SEARCH = `query($s: String) { members(search: $s, first: 100) { nodes { id displayName } } }`;
const MINE = `{ me { member { displayName } myCoworking {
  member { displayName deactivatedAt contact { email } } currentMembership { plan { code } status } memberships { plan { code } }
  cardDaysLeft checkIns(first: 5) { date checkedOutAt } upcomingRegistrations { id } } } }`;
const at = (days: number, time: string) => houseInstant(addDays(todayInHouse(), days), time);
const kitchen = stableId('shared-space', 'cuisine');

describe('members kept through the API, through the gateway', () => {
  it('ADMIN creates, the member edits and reads their page, a search finds them; deactivated, they cannot check in nor book', async () => {
    const email = `helene-${randomUUID().slice(0, 8)}@exemple.ca`;
    const created = await graph.query(
      CREATE,
      { input: { displayName: 'Hélène Côté-Bérubé', email, profession: { fr: 'Céramiste', en: 'Ceramist' } } },
      { identity: admin },
    );
    const member = created.body.data!.createMember.member;
    expect(created.body.data!.createMember.userErrors).toEqual([]);
    expect(member).toEqual({
      id: expect.any(String),
      displayName: 'Hélène Côté-Bérubé',
      profession: 'Céramiste',
      isPublic: false,
      deactivatedAt: null,
      contact: { email, phone: null },
    });
    const me = withRoles(`member:${member.id}`, ['MEMBER'], { memberId: member.id });

    // Not public yet: a search does not find her for others.
    expect((await graph.query(SEARCH, { s: 'helene cote' })).body.data!.members.nodes).toEqual([]);
    const edited = await graph.query(PROFILE, { input: { isPublic: true, phone: '418 555-0142' } }, { identity: me, headers: { 'accept-language': 'en' } });
    expect(edited.body.data!.updateMyProfile).toEqual({
      member: { ...member, profession: 'Ceramist', isPublic: true, contact: { email, phone: '418 555-0142' } },
      userErrors: [],
    });
    for (const s of ['helene cote', 'HELENE', 'berube', 'ceramiste', 'ceramist']) {
      expect((await graph.query(SEARCH, { s })).body.data!.members.nodes).toEqual([{ id: member.id, displayName: 'Hélène Côté-Bérubé' }]);
    }

    expect((await graph.query(JOIN, { input: { memberId: member.id, planCode: 'TEN_DAY_CARD' } }, { identity: admin })).body.data!.joinPlan).toEqual({
      membership: { status: 'ACTIVE' },
      userErrors: [],
    });
    expect((await graph.query(CHECK_IN, {}, { identity: me })).body.data!.checkIn.userErrors).toEqual([]);
    expect((await graph.query(CHECK_OUT, {}, { identity: me })).body.data!.checkOut.userErrors).toEqual([]);
    const booked = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(20, '12:00'), endsAt: at(20, '13:00'), title: 'Dîner' } },
      { identity: me },
    );
    expect(booked.body.data!.bookSharedSpace).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });

    const page = await graph.query(MINE, {}, { identity: me });
    expect(page.body).toEqual({
      data: {
        me: {
          member: { displayName: 'Hélène Côté-Bérubé' },
          myCoworking: {
            member: { displayName: 'Hélène Côté-Bérubé', deactivatedAt: null, contact: { email } },
            currentMembership: { plan: { code: 'TEN_DAY_CARD' }, status: 'ACTIVE' },
            memberships: [{ plan: { code: 'TEN_DAY_CARD' } }],
            cardDaysLeft: 9,
            checkIns: [{ date: todayInHouse(), checkedOutAt: expect.any(String) }],
            upcomingRegistrations: [],
          },
        },
      },
    });

    expect((await graph.query(DEACTIVATE, { id: member.id }, { identity: admin })).body.data!.deactivateMember).toEqual({
      member: { id: member.id, deactivatedAt: expect.any(String) },
      userErrors: [],
    });
    expect((await graph.query(CHECK_IN, {}, { identity: me })).body.data!.checkIn).toEqual({
      checkIn: null,
      userErrors: [{ code: 'MEMBER_DEACTIVATED', message: 'Ce membre est désactivé.', field: ['memberId'] }],
    });
    expect((await graph.query(CHECK_IN, {}, { identity: me, headers: { 'accept-language': 'en' } })).body.data!.checkIn.userErrors).toEqual([
      { code: 'MEMBER_DEACTIVATED', message: 'This member is deactivated.', field: ['memberId'] },
    ]);
    const refused = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(21, '12:00'), endsAt: at(21, '13:00'), title: 'Dîner' } },
      { identity: me },
    );
    expect(refused.body.data!.bookSharedSpace).toEqual({ booking: null, userErrors: [{ code: 'NOT_ELIGIBLE' }] });
    expect((await graph.query(SEARCH, { s: 'helene cote' })).body.data!.members.nodes).toEqual([]);
    expect((await graph.query(SEARCH, { s: 'helene cote' }, { identity: admin })).body.data!.members.nodes).toEqual([
      { id: member.id, displayName: 'Hélène Côté-Bérubé' },
    ]);
    const after = (await graph.query(MINE, {}, { identity: me })).body.data!.me.myCoworking;
    expect(after).toMatchObject({
      member: { deactivatedAt: expect.any(String) },
      currentMembership: null,
      cardDaysLeft: null,
      memberships: [{ plan: { code: 'TEN_DAY_CARD' } }],
    });
  });

  it('refuses the ADMIN mutations to a member, and a 1-character search, in French by default', async () => {
    const member = withRoles('member:quelqu-un', ['MEMBER'], { memberId: stableId('member', 'rosalie-tremblay') });
    const { body } = await graph.query(CREATE, { input: { displayName: 'Intrus', email: 'intrus@exemple.ca' } }, { identity: member });
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const search = await graph.query(SEARCH, { s: 'h' });
    expect(search.body.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'Argument invalide. search : 2 à 100 caractères imprimables.'],
    ]);
  });
});
