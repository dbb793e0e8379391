import { isAdmin, type Identity } from '@maison/auth';
import { always, anyOf, equals, holds, isTrue, isUuid, namedParameters, never, sqlWhere, type RowCondition } from '@maison/house';

/** What the visibility of a member reads. */
export interface MemberFacts {
  id: string;
  isPublic: boolean;
}

const MEMBER_COLUMNS = { id: 'id', isPublic: 'is_public' } as const;

/** The member the caller is (the memberId of the token, lowercased); null without one, or with one that is no UUID. */
export function ownMemberId(identity: Identity): string | null {
  const self = identity.memberId;
  return self && isUuid(self) ? self.toLowerCase() : null;
}

/** A public member is seen by everyone; a non-public one only by themself and ADMIN. */
export function membersVisibleTo(identity: Identity): RowCondition<MemberFacts> {
  if (isAdmin(identity)) return always();
  const self = ownMemberId(identity);
  return anyOf<MemberFacts>(isTrue('isPublic'), self ? equals('id', self) : never());
}

export function canSeeMember(member: MemberFacts, identity: Identity): boolean {
  return holds(membersVisibleTo(identity), member);
}

/** The same rule as a WHERE fragment on the member rows of a query builder, aliased `alias`. */
export function visibleMembersWhere(identity: Identity, alias: string): { sql: string; params: Record<string, unknown> } {
  const params = namedParameters('visible_member_');
  return { sql: sqlWhere(membersVisibleTo(identity), { alias, columns: MEMBER_COLUMNS }, params), params: params.values };
}

/** What only the member themself and ADMIN read of a member: contact, deactivation, memberships. */
export function canSeePrivateFieldsOf(memberId: string, identity: Identity): boolean {
  return isAdmin(identity) || ownMemberId(identity) === memberId.toLowerCase();
}

/**
 * The members a list shows (members, coworkingOccupancy.members): the visible ones (visibleMembersWhere),
 * and for anyone but ADMIN only the active ones. A deactivated member is still found by id.
 */
export function listedMembersWhere(identity: Identity, alias: string): { sql: string; params: Record<string, unknown> } {
  const visible = visibleMembersWhere(identity, alias);
  return isAdmin(identity) ? visible : { sql: `(${visible.sql}) AND ${alias}.deactivated_at IS NULL`, params: visible.params };
}
