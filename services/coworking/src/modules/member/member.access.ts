import { isAdmin, type Identity } from '@maison/auth';

/** The member themself (identity.memberId) or ADMIN: who may read a member's private details. */
export function isSelfOrAdmin(memberId: string, identity: Identity): boolean {
  return isAdmin(identity) || (identity.memberId !== undefined && identity.memberId.toLowerCase() === memberId.toLowerCase());
}

/** A public member is seen by everyone; a non-public one only by themself and ADMIN. */
export function canSeeMember(member: { id: string; isPublic: boolean }, identity: Identity): boolean {
  return member.isPublic || isSelfOrAdmin(member.id, identity);
}
