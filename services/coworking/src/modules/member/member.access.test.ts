import { admin, anonymous, asMember, asTenant } from '@maison/testing';
import { canSeePrivateFieldsOf, listedMembersWhere } from './member.access';

const rosalie = asMember('rosalie-tremblay');

describe('member access', () => {
  it('private fields (contact, deactivatedAt) are the member’s own and ADMIN’s, whatever the case of the id', () => {
    expect(canSeePrivateFieldsOf(rosalie.memberId!, rosalie)).toBe(true);
    expect(canSeePrivateFieldsOf(rosalie.memberId!.toUpperCase(), rosalie)).toBe(true);
    expect(canSeePrivateFieldsOf(rosalie.memberId!, admin)).toBe(true);
    for (const other of [asMember('eloi-bouchard'), asTenant('acupuncture'), anonymous]) expect(canSeePrivateFieldsOf(rosalie.memberId!, other)).toBe(false);
  });

  it('lists deactivated members to ADMIN only: the SQL of the visible members, and active ones for everyone else', () => {
    expect(listedMembersWhere(admin, 'm').sql).not.toContain('deactivated_at');
    for (const caller of [rosalie, asTenant('acupuncture'), anonymous]) {
      const { sql } = listedMembersWhere(caller, 'm');
      expect(sql).toMatch(/^\(.+\) AND m\.deactivated_at IS NULL$/);
    }
    expect(listedMembersWhere(rosalie, 'x').params).toEqual({ visible_member_0: rosalie.memberId });
  });
});
