import { testServerUrl, withClient } from '@maison/testing';

/** Every row of every table of the three subgraphs' databases, as JSON text, by table. */
export type RowsSnapshot = Map<string, Set<string>>;

const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
/** Tables a migration runner or a worker writes on its own. */
const BOOKKEEPING = /migration|typeorm_metadata/i;

export async function rowsSnapshot(prefix: string): Promise<RowsSnapshot> {
  const snapshot: RowsSnapshot = new Map();
  for (const subgraph of SUBGRAPHS) {
    const url = new URL(testServerUrl());
    url.pathname = `/${prefix}${subgraph}`;
    await withClient(url.toString(), async (client) => {
      const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      for (const { name } of tables.rows) {
        if (BOOKKEEPING.test(name)) continue;
        const rows = await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
        snapshot.set(`${subgraph}.${name}`, new Set(rows.rows.map((r) => r.row)));
      }
    });
  }
  return snapshot;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The UUIDs written anywhere in a value (lower case). */
export function uuidsIn(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return [...text.matchAll(UUID)].map((m) => m[0].toLowerCase());
}

/**
 * The rows added, changed or removed between two snapshots that name (in any column) no id of
 * `explaining` (the ids that successful mutations were given or answered), nor the own id of a
 * row so explained: a row a mutation created, changed or cascaded to names one of them (its own id,
 * its booking's, its member's), and a booking's history names the booking.
 */
export function unexplainedChanges(before: RowsSnapshot, after: RowsSnapshot, explaining: ReadonlySet<string>): string[] {
  let changes: { table: string; change: string; ids: string[]; own: unknown }[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const [was, is] = [before.get(table) ?? new Set<string>(), after.get(table) ?? new Set<string>()];
    for (const r of was) if (!is.has(r)) changes.push({ table, change: `removed or changed ${r}`, ids: uuidsIn(r), own: JSON.parse(r).id });
    for (const r of is) if (!was.has(r)) changes.push({ table, change: `added or changed ${r}`, ids: uuidsIn(r), own: JSON.parse(r).id });
  }
  const known = new Set(explaining);
  for (let grew = true; grew;) {
    const explained = changes.filter((c) => c.ids.some((id) => known.has(id)));
    changes = changes.filter((c) => !explained.includes(c));
    grew = explained.length > 0;
    for (const c of explained) if (typeof c.own === 'string') known.add(c.own.toLowerCase());
  }
  return changes.map((c) => `${c.table}: ${c.change.slice(0, 300)}`);
}
