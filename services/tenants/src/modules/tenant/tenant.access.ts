import { isAdmin, type Identity } from '@maison/auth';

/**
 * Who sees an archived tenant, written once: ADMIN only, in lists (with includeArchived) and by
 * slug. A reference from another subgraph still resolves it, for the history it is part of.
 */
export const canSeeTenant = (tenant: { archivedAt: Date | null }, identity: Identity): boolean => tenant.archivedAt === null || isAdmin(identity);

/** The same rule as SQL on the tenant table aliased `alias`: the archived ones are listed only when ADMIN asks for them. */
export const listedTenantsSql = (alias: string, includeArchived: boolean): string => (includeArchived ? 'TRUE' : `${alias}.archived_at IS NULL`);
