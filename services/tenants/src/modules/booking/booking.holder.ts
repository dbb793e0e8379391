import { hasRole, isAdmin, type Identity } from '@maison/auth';
import { inputReason, UserErrorCode } from '@maison/errors';
import type { RuleViolation } from '@maison/house';
import { HolderKind } from './booking.enums';

/** What coworking says of a member (a HolderState): a membership active today, none active, or no such member. */
export type MembershipState = HolderState;

/** Answers what coworking knows of a member's membership (a signed call to coworking). */
export interface MembershipChecker {
  membershipOf(memberId: string): Promise<MembershipState>;
}

/** Answers which artists the gallery knows, for many at once (one signed call to the gallery). */
export interface ArtistChecker {
  /** For each id, in order: ACTIVE (the gallery knows the artist), UNKNOWN (it does not), INACTIVE (nobody could vouch). */
  artistStates(artistIds: readonly string[]): Promise<HolderState[]>;
}

/**
 * Answers whether a tenant may hold bookings: it exists and is not archived. The resolvers pass
 * one reading the request's DataLoader of tenants, so a series asks PostgreSQL once.
 */
export interface TenantDirectory {
  canHold(tenantId: string): Promise<boolean>;
}

/**
 * What the house knows of a holder: ACTIVE (it may hold bookings), INACTIVE (it exists but may not,
 * e.g. a member without an active membership, or nobody could vouch for it), UNKNOWN (nobody of
 * that id, or an archived tenant).
 */
export type HolderState = 'ACTIVE' | 'INACTIVE' | 'UNKNOWN';

/**
 * The one answer to "who is this holder": tenants from the ledger, members from coworking, artists
 * from the gallery (see holder-directory.ts). Every booking path and availability ask it.
 */
export interface HolderDirectory {
  stateOf(holder: Holder): Promise<HolderState>;
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
 * The directory then vouches for the holder: one naming nobody (or an archived tenant) books
 * nothing (UNKNOWN_HOLDER, at input.holderId when ADMIN named it); a caller the directory knows but
 * cannot let book (a member without an active membership) is NOT_ELIGIBLE. ADMIN, who bypasses
 * eligibility, may book for an INACTIVE holder, never for an UNKNOWN one.
 */
export async function resolveHolder(
  identity: Identity,
  requested: { kind?: HolderKind | null; id?: string | null },
  space: { eligibleRoles: string[] },
  holders: HolderDirectory,
): Promise<Holder | RuleViolation> {
  const holder = chooseHolder(identity, requested, space);
  if ('code' in holder || holder.kind === HolderKind.HOUSE) return holder;
  const state = await holders.stateOf(holder);
  if (state === 'UNKNOWN') return { code: UserErrorCode.UNKNOWN_HOLDER, field: isAdmin(identity) ? ['input', 'holderId'] : undefined };
  if (state === 'INACTIVE' && !isAdmin(identity)) return { code: UserErrorCode.NOT_ELIGIBLE };
  return holder;
}

function chooseHolder(
  identity: Identity,
  requested: { kind?: HolderKind | null; id?: string | null },
  space: { eligibleRoles: string[] },
): Holder | RuleViolation {
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
  return eligible[0] ?? notEligible;
}
