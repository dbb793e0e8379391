import { GraphQLError } from 'graphql';
import { HEADERS, signRequest, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { RelayedDatabaseOutage } from './database-unavailable';

/**
 * Signed service-to-service GraphQL calls between subgraphs, with the same HMAC the gateway uses.
 * The caller acts as a service identity (sub "service:<name>") with the ADMIN role.
 */
export class ServiceClient {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly service: string,
    private readonly timeoutMs = 5000,
  ) {}

  get identity(): Identity {
    return { sub: `service:${this.service}`, roles: ['ADMIN'] };
  }

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, lang: Lang = 'fr', requestId?: string): Promise<T> {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signRequest(this.secret, this.identity, lang, body),
        ...(requestId ? { [HEADERS.requestId]: requestId } : {}),
      },
      body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const payload = (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    if (!response.ok || payload.errors?.length || !payload.data) {
      // The called subgraph's database is down: the caller answers that, not an internal error.
      const outage = RelayedDatabaseOutage.from(payload.errors?.[0]);
      if (outage) throw outage;
      throw new GraphQLError(`service call to ${new URL(this.url).host} failed: ${payload.errors?.[0]?.message ?? response.status}`);
    }
    return payload.data;
  }
}
