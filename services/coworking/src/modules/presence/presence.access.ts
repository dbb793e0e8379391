import { hasRole, isAdmin, type Identity } from '@maison/auth';

/**
 * Who is present, by name: for members and ADMIN only (anyone else reads null). Each member
 * present is then listed under the member rule (member.access.ts): a non-public one only to
 * themself and ADMIN, which the list applies in its SQL.
 */
export function maySeeWhoIsPresent(identity: Identity): boolean {
  return isAdmin(identity) || hasRole(identity, 'MEMBER');
}
