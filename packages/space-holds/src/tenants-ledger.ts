import { ServiceClient } from '@maison/kit';
import { HOLD_DOCUMENT, LIVE_HOLDS_DOCUMENT, MOVE_DOCUMENT, RELEASE_DOCUMENT, type LedgerOperation } from './ledger-documents';
import { LedgerUnavailableError, type CallContext, type HoldRequest, type LedgerHold, type LedgerOutcome, type SpaceLedger } from './ledger';

interface WireOutcome {
  booking: { startsAt: string; endsAt: string; title: string | null; space: { id: string } | null } | null;
  userErrors: { code: string; field: string[] | null }[];
  spaceCapacity?: number | null;
}
interface WireHold {
  reference: string;
  spaceId: string;
  startsAt: string;
  endsAt: string;
  title: string;
}

/** How many live holds one listing call asks for. */
const PAGE = 200;

/**
 * The ledger over signed service-to-service GraphQL calls to the tenants subgraph (as ADMIN
 * "service:<name>"), each with the caller's language and request id.
 */
export class TenantsLedger implements SpaceLedger {
  constructor(private readonly client: Pick<ServiceClient, 'request'>) {}

  hold(ctx: CallContext, r: HoldRequest): Promise<LedgerOutcome> {
    return this.outcome(ctx, 'holdSharedSpace', HOLD_DOCUMENT, { input: wire(r) });
  }

  move(ctx: CallContext, r: HoldRequest): Promise<LedgerOutcome> {
    return this.outcome(ctx, 'moveSpaceHold', MOVE_DOCUMENT, wire(r));
  }

  release(ctx: CallContext, reference: string): Promise<LedgerOutcome> {
    return this.outcome(ctx, 'releaseSpaceHold', RELEASE_DOCUMENT, { reference });
  }

  async liveHolds(ctx: CallContext, kind: string, endingAfter: Date): Promise<LedgerHold[]> {
    const holds: LedgerHold[] = [];
    for (let after: string | null = null; ;) {
      const data: Record<string, WireHold[] | undefined> = await this.call<Record<string, WireHold[] | undefined>>(ctx, LIVE_HOLDS_DOCUMENT, {
        kind,
        endingAfter: endingAfter.toISOString(),
        after,
        first: PAGE,
      });
      const page: WireHold[] | undefined = data.liveSpaceHolds;
      if (!Array.isArray(page)) throw new LedgerUnavailableError('no liveSpaceHolds list in the answer');
      holds.push(...page.map((h) => ({ ...h, startsAt: new Date(h.startsAt), endsAt: new Date(h.endsAt) })));
      if (page.length < PAGE) return holds;
      after = page[page.length - 1]!.reference;
    }
  }

  private async outcome(ctx: CallContext, field: LedgerOperation, query: string, variables: Record<string, unknown>): Promise<LedgerOutcome> {
    const data = await this.call<Record<string, WireOutcome | undefined>>(ctx, query, variables);
    const payload = data[field];
    if (!payload || !Array.isArray(payload.userErrors)) throw new LedgerUnavailableError(`no ${field} payload in the answer`);
    const b = payload.booking;
    return {
      hold: b && { spaceId: b.space?.id ?? '', startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), title: b.title ?? '' },
      errors: payload.userErrors.map((e) => ({ code: e.code, field: e.field ?? null })),
      ...(payload.spaceCapacity != null && { spaceCapacity: payload.spaceCapacity }),
    };
  }

  private async call<T>(ctx: CallContext, query: string, variables: Record<string, unknown>): Promise<T> {
    try {
      return await this.client.request<T>(query, variables, ctx.lang, ctx.requestId);
    } catch (error) {
      throw new LedgerUnavailableError((error as Error).message);
    }
  }
}

const wire = (r: HoldRequest) => ({
  reference: r.reference,
  spaceId: r.spaceId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  title: r.title,
  attendees: r.attendees ?? null,
  override: r.overrideReason ? { reason: r.overrideReason } : null,
});

/** The ledger of TENANTS_URL, called as "service:<service>"; null when TENANTS_URL is unset. */
export function ledgerFor(config: { tenantsUrl?: string | undefined; signingSecret: string }, service: string): SpaceLedger | null {
  return config.tenantsUrl ? new TenantsLedger(new ServiceClient(config.tenantsUrl, config.signingSecret, service)) : null;
}
