import type { ServiceClient } from '@maison/kit';
import { LedgerNotConfiguredError, LedgerUnavailableError, type CallContext } from '@maison/space-holds';

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SharedSpace { id } } }`;

/** Whether a shared space exists: the tenants subgraph owns them. */
export interface SpaceDirectory {
  exists(call: CallContext, spaceId: string): Promise<boolean>;
}

/**
 * Asks the tenants subgraph, with a signed service call (the gallery's one ServiceClient, shared with
 * the ledger), whether a shared space exists: a null entity is no such space. A tenants subgraph that
 * does not answer, or is not configured (TENANTS_URL), throws the ledger's errors, which
 * withLedgerErrors answers as SERVICE_UNAVAILABLE: nothing is saved.
 */
export class TenantsSpaceDirectory implements SpaceDirectory {
  constructor(private readonly client: Pick<ServiceClient, 'request'> | null) {}

  async exists(call: CallContext, spaceId: string): Promise<boolean> {
    if (!this.client) throw new LedgerNotConfiguredError();
    let data: { _entities?: ({ id: string } | null)[] };
    try {
      data = await this.client.request(QUERY, { r: [{ __typename: 'SharedSpace', id: spaceId }] }, call.lang, call.requestId);
    } catch (error) {
      throw new LedgerUnavailableError((error as Error).message);
    }
    if (!Array.isArray(data._entities)) throw new LedgerUnavailableError('no _entities in the answer');
    return data._entities[0]?.id?.toLowerCase() === spaceId.toLowerCase();
  }
}
