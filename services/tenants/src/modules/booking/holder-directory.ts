import type DataLoader from 'dataloader';
import { serviceUnavailable } from '@maison/errors';
import { isUuid } from '@maison/house';
import type { Lang } from '@maison/config';
import { RelayedDatabaseOutage } from '@maison/kit';
import { tenantDirectory, type tenantLoaders } from '../tenant/tenant.loader';
import { HolderKind } from './booking.enums';
import type { HolderDirectory, HolderState, MembershipChecker, TenantDirectory } from './booking.holder';

/** Where the directory reads each kind of holder: the request's DataLoaders, or (for callers without a request) direct reads. */
export interface HolderSources {
  tenants: TenantDirectory;
  memberships: MembershipChecker;
  artistStateOf(artistId: string): Promise<HolderState>;
}

/**
 * The one HolderDirectory: a tenant exists and is not archived (the ledger), a member's membership
 * is active (coworking), an artist exists (the gallery). An id that is no UUID names nobody, and
 * nobody is asked about it. The house is always there. A coworking or a gallery that does not
 * answer vouches for nobody: SERVICE_UNAVAILABLE (COWORKING_UNAVAILABLE, GALLERY_UNAVAILABLE) in
 * the caller's language (lang), before anything is written.
 */
export function holderDirectory(sources: HolderSources, lang: Lang): HolderDirectory {
  return {
    async stateOf(holder) {
      if (holder.kind === HolderKind.HOUSE) return 'ACTIVE';
      if (!holder.id || !isUuid(holder.id)) return 'UNKNOWN';
      const id = holder.id.toLowerCase();
      switch (holder.kind) {
        case HolderKind.TENANT:
          return (await sources.tenants.canHold(id)) ? 'ACTIVE' : 'UNKNOWN';
        case HolderKind.MEMBER:
          return askedOf('COWORKING_UNAVAILABLE', lang, () => sources.memberships.membershipOf(id));
        case HolderKind.ARTIST:
          return askedOf('GALLERY_UNAVAILABLE', lang, () => sources.artistStateOf(id));
      }
    },
  };
}

/**
 * A state another subgraph vouches for; its failure to answer (refused, timed out, an error) is that
 * outage. When it did answer, but its own database could not be used, that is what the caller is told
 * (DATABASE_UNAVAILABLE naming that subgraph).
 */
async function askedOf<T>(reason: 'COWORKING_UNAVAILABLE' | 'GALLERY_UNAVAILABLE', lang: Lang, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof RelayedDatabaseOutage) throw error;
    throw serviceUnavailable(reason, lang);
  }
}

/**
 * The directory of one request, from its DataLoaders: a series reads its tenant once, and every
 * artist the request asks about costs one call to the gallery in all; its outages in the caller's language.
 */
export function requestHolderDirectory(
  loaders: {
    tenantById: ReturnType<typeof tenantLoaders>['tenantById'];
    memberships: MembershipChecker;
    artistStateById: DataLoader<string, HolderState>;
  },
  lang: Lang,
): HolderDirectory {
  return holderDirectory(
    {
      tenants: tenantDirectory(loaders),
      memberships: loaders.memberships,
      artistStateOf: (id) => loaders.artistStateById.load(id),
    },
    lang,
  );
}
