import { hasRole, isAdmin, type Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import type { RuleViolation } from '@maison/house';
import { HolderKind } from './booking.enums';

/** What coworking says of a member: a membership active today, none active, or no such member. */
export type MembershipState = 'ACTIVE' | 'INACTIVE' | 'UNKNOWN';

/** Answers what coworking knows of a member's membership (a signed call to coworking). */
export interface MembershipChecker {
  membershipOf(memberId: string): Promise<MembershipState>;
}

/**
 * Answers whether a tenant may hold bookings: it exists and is not archived. The resolvers pass
 * one reading the request's DataLoader of tenants, so a series asks PostgreSQL once.
 */
export interface TenantDirectory {
  canHold(tenantId: string): Promise<boolean>;
}

export interface Holder {
  kind: HolderKind;
  id: string | null;
}

const ROLE_OF: Partial<Record<HolderKind, 'TENANT' | 'MEMBER' | 'ARTIST'>> = {
  TENANT: 'TENANT',
  MEMBER: 'MEMBER',
  ARTIST: 'ARTIST',
};

/** The holders a caller may book as, in order of preference: their tenant, membership, artist. */
export function ownHolders(identity: Identity): Holder[] {
  const holders: Holder[] = [];
  if (hasRole(identity, 'TENANT') && identity.tenantId) holders.push({ kind: HolderKind.TENANT, id: identity.tenantId });
  if (hasRole(identity, 'MEMBER') && identity.memberId) holders.push({ kind: HolderKind.MEMBER, id: identity.memberId });
  if (hasRole(identity, 'ARTIST') && identity.artistId) holders.push({ kind: HolderKind.ARTIST, id: identity.artistId });
  return holders;
}

/** Whether the space's rules let this holder book: the house always, others when their role is eligible. */
export function isEligible(holder: Holder, space: { eligibleRoles: string[] }): boolean {
  const role = ROLE_OF[holder.kind];
  return !role || space.eligibleRoles.includes(role);
}

/**
 * Who holds a new booking. The holder comes from the verified identity; ADMIN may name one (or
 * book for the house). A caller with several roles may pick which of their own holders books.
 */
export async function resolveHolder(
  identity: Identity,
  requested: { kind?: HolderKind | null; id?: string | null },
  space: { eligibleRoles: string[] },
  memberships: MembershipChecker,
  tenants?: TenantDirectory,
): Promise<Holder | RuleViolation> {
  const holder = await chooseHolder(identity, requested, space, memberships);
  // A token (or an ADMIN's holderId) naming no tenant, or an archived one, cannot book as it. Every
  // booking path passes `tenants`; without it (availability, for now) the tenant is not looked up.
  if (tenants && 'kind' in holder && holder.kind === HolderKind.TENANT && !(await tenants.canHold(holder.id!))) {
    return { code: UserErrorCode.UNKNOWN_HOLDER, field: isAdmin(identity) ? ['input', 'holderId'] : undefined };
  }
  return holder;
}

async function chooseHolder(
  identity: Identity,
  requested: { kind?: HolderKind | null; id?: string | null },
  space: { eligibleRoles: string[] },
  memberships: MembershipChecker,
): Promise<Holder | RuleViolation> {
  const notEligible: RuleViolation = { code: UserErrorCode.NOT_ELIGIBLE };
  if (isAdmin(identity)) {
    if (!requested.kind || requested.kind === HolderKind.HOUSE) return { kind: HolderKind.HOUSE, id: null };
    if (!requested.id)
      return {
        code: UserErrorCode.INVALID_INPUT,
        field: ['input', 'holderId'],
        params: { field: 'holderId', ...inputReason('REQUIRED_WITH', { other: 'holderKind' }) },
      };
    return { kind: requested.kind, id: requested.id.toLowerCase() };
  }
  if (requested.id) return notEligible;
  const candidates = ownHolders(identity).filter((h) => !requested.kind || h.kind === requested.kind);
  const eligible = candidates.filter((h) => space.eligibleRoles.includes(ROLE_OF[h.kind]!));
  const holder = eligible[0];
  if (!holder) return notEligible;
  if (holder.kind === HolderKind.MEMBER) {
    const state = await memberships.membershipOf(holder.id!);
    if (state === 'UNKNOWN') return { code: UserErrorCode.UNKNOWN_HOLDER };
    if (state !== 'ACTIVE') return notEligible;
  }
  return holder;
}
