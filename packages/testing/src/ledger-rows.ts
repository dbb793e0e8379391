import type { Logger } from '@maison/http';
import { withClient } from './database';

/** A logger that writes nothing, for subgraph pieces a test drives directly. */
export const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The references of the live holds one kind of owner has in the tenants ledger (`coworking-event`, `vernissage`), read in SQL. */
export const liveHoldReferences = (tenantsDatabaseUrl: string, kind: string): Promise<string[]> =>
  withClient(tenantsDatabaseUrl, async (c) =>
    (await c.query(`SELECT hold_reference AS reference FROM space_booking WHERE hold_reference LIKE $1 AND status = 'CONFIRMED'`, [`${kind}:%`])).rows.map(
      (r) => r.reference as string,
    ),
  );
