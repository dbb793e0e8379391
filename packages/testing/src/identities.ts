import { ANONYMOUS, type Identity, type Role } from '@maison/auth';
import { stableId } from '@maison/house';

export const anonymous: Identity = ANONYMOUS;
export const admin: Identity = { sub: 'admin@test', roles: ['ADMIN'] };

export const asTenant = (slug: string): Identity => ({ sub: `tenant:${slug}`, roles: ['TENANT'], tenantId: stableId('tenant', slug) });
export const asMember = (slug: string): Identity => ({ sub: `member:${slug}`, roles: ['MEMBER'], memberId: stableId('member', slug) });
export const asArtist = (slug: string): Identity => ({ sub: `artist:${slug}`, roles: ['ARTIST'], artistId: stableId('artist', slug) });
export const withRoles = (sub: string, roles: Role[], extra: Partial<Identity> = {}): Identity => ({ sub, roles, ...extra });
