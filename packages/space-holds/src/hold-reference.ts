import { randomBytes } from 'node:crypto';
import type { Placement } from './ledger';

/**
 * How holds are named in the ledger: "<kind>:<owner id>-<suffix>", e.g.
 * "coworking-event:0b6f…-3fa94c21d07e". The owner id comes first, so the reconciler finds the
 * owner of any hold of its kind; the suffix is new for each hold the owner takes, because a
 * released reference is never held again (a retry after a failed write takes a new one). The
 * owner's row stores the reference of its hold. Rows written before references were stored
 * (hold_reference NULL) hold under the legacy name "<kind>:<owner id>", which is still honoured.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const newHoldReference = (kind: string, ownerId: string): string => `${kind}:${ownerId.toLowerCase()}-${randomBytes(6).toString('hex')}`;

export const legacyHoldReference = (kind: string, ownerId: string): string => `${kind}:${ownerId.toLowerCase()}`;

/** The owner a reference of this kind names; null when the reference is not one of this kind's. */
export function ownerIdOf(kind: string, reference: string): string | null {
  if (!reference.startsWith(`${kind}:`)) return null;
  const rest = reference.slice(kind.length + 1);
  const id = rest.slice(0, 36);
  return UUID.test(id) && (rest.length === 36 || rest[36] === '-') ? id : null;
}

/** The hold an owner has as its row says: the stored reference (the legacy one when none is stored), or none. */
export interface OwnerHold {
  reference: string;
  placement: Placement;
}

export function ownerHold(kind: string, ownerId: string, storedReference: string | null, placement: Placement | null): OwnerHold | null {
  return placement ? { reference: storedReference ?? legacyHoldReference(kind, ownerId), placement } : null;
}

/** The title a hold shows in the ledger (public there): "<label> : <French title>", or the title alone; 200 characters at most. */
export function holdTitle(label: string | null, frenchTitle: string): string {
  return [...(label ? `${label} : ${frenchTitle}` : frenchTitle)].slice(0, 200).join('');
}
