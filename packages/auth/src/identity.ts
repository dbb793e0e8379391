export const ROLES = ['ADMIN', 'TENANT', 'MEMBER', 'ARTIST'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as verified by the gateway. Anonymous callers have no sub and no roles. */
export interface Identity {
  readonly sub: string | null;
  readonly roles: readonly Role[];
  readonly tenantId?: string;
  readonly memberId?: string;
  readonly artistId?: string;
}

export const ANONYMOUS: Identity = Object.freeze({ sub: null, roles: Object.freeze([]) as readonly Role[] });

export const hasRole = (identity: Identity, role: Role): boolean => identity.roles.includes(role);
export const isAdmin = (identity: Identity): boolean => hasRole(identity, 'ADMIN');
export const isAnonymous = (identity: Identity): boolean => identity.sub === null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds an Identity from untrusted claims, keeping only well-formed known fields. */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  if (typeof claims.sub !== 'string' || claims.sub.length === 0 || claims.sub.length > 200) {
    throw new Error('claim sub must be a non-empty string');
  }
  const rawRoles = claims.roles ?? [];
  if (!Array.isArray(rawRoles) || !rawRoles.every((r) => ROLES.includes(r as Role))) {
    throw new Error(`claim roles must be a list of ${ROLES.join(', ')}`);
  }
  const identity: { -readonly [K in keyof Identity]: Identity[K] } = { sub: claims.sub, roles: [...new Set(rawRoles as Role[])] };
  for (const key of ['tenantId', 'memberId', 'artistId'] as const) {
    const value = claims[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !UUID.test(value)) throw new Error(`claim ${key} must be a UUID`);
    identity[key] = value.toLowerCase();
  }
  // Frozen: one identity object serves every request of its token, and its encoding is remembered (signature.ts).
  Object.freeze(identity.roles);
  return Object.freeze(identity);
}
