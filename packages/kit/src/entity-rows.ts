import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/**
 * Column types whose value from the pg driver is the one TypeORM hydrates, as is; a `date` is
 * selected as text, TypeORM's 'YYYY-MM-DD'; a `bigint` is a string for both. Any other type (or a
 * transformer) is refused at boot.
 */
const AS_IS = new Set(['uuid', 'text', 'jsonb', 'boolean', 'smallint', 'integer', 'bigint', 'enum', 'timestamptz', 'date']);

/** The columns of an entity for hand-written SQL on a hot read path, and its instances built from the rows. */
export interface EntityRows<T> {
  /** The select list `alias.column AS "prefix.property", …` (a date as text). */
  select(alias: string, prefix?: string): string;
  /** `NULL::type AS "prefix.property", …`: the same output columns, for the other branches of a UNION ALL. */
  nulls(prefix?: string): string;
  /** The entity of a row's columns under prefix; null when its primary key is null. */
  from(row: Record<string, unknown>, prefix?: string): T | null;
}

const built = new WeakMap<DataSource, Map<new () => object, EntityRows<object>>>();

/**
 * Built once per process (and DataSource) from TypeORM's metadata: the same values as the query
 * builder's entities (same class, same properties) without building a query and hydrating per statement.
 */
export function entityRows<T extends object>(ds: DataSource, entity: new () => T): EntityRows<T> {
  let ofSource = built.get(ds);
  if (!ofSource) built.set(ds, (ofSource = new Map()));
  let rows = ofSource.get(entity) as EntityRows<T> | undefined;
  if (!rows) ofSource.set(entity, (rows = buildEntityRows(ds, entity)));
  return rows;
}

function buildEntityRows<T extends object>(ds: DataSource, entity: new () => T): EntityRows<T> {
  const metadata = ds.getMetadata(entity);
  const columns = metadata.columns.map((c) => {
    const type = String(c.type);
    if (!AS_IS.has(type) || c.transformer || c.relationMetadata || c.isVirtual)
      throw new Error(`entityRows(${metadata.name}): the column ${c.propertyName} (${type}) is not read as is`);
    if (type === 'enum' && !c.enumName) throw new Error(`entityRows(${metadata.name}): the enum column ${c.propertyName} needs its enumName`);
    // The type of its NULL in the other branches of a UNION ALL (a date is read as text).
    // An array column (text[]) is an array of its type there too.
    const sqlType = (type === 'enum' ? `"${c.enumName}"` : type === 'date' ? 'text' : type) + (c.isArray ? '[]' : '');
    return { name: c.databaseName, property: c.propertyName, date: type === 'date', primary: c.isPrimary, sqlType };
  });
  const primary = columns.find((c) => c.primary);
  if (!primary || metadata.primaryColumns.length !== 1) throw new Error(`entityRows(${metadata.name}): one primary column expected`);
  const keys = new Map<string, { key: string; property: string }[]>();
  const keysOf = (prefix: string) => {
    let list = keys.get(prefix);
    if (!list) {
      // The primary key first: from() looks at it before building anything.
      list = [primary, ...columns.filter((c) => c !== primary)].map((c) => ({ key: prefix + c.property, property: c.property }));
      keys.set(prefix, list);
    }
    return list;
  };
  const selects = new Map<string, string>();
  return {
    select(alias, prefix = '') {
      let list = selects.get(`${alias} ${prefix}`);
      if (!list) {
        list = columns.map((c) => `${alias}.${c.name}${c.date ? '::text' : ''} AS "${prefix}${c.property}"`).join(', ');
        selects.set(`${alias} ${prefix}`, list);
      }
      return list;
    },
    nulls: (prefix = '') => columns.map((c) => `NULL::${c.sqlType} AS "${prefix}${c.property}"`).join(', '),
    from(row, prefix = '') {
      const list = keysOf(prefix);
      if (row[list[0]!.key] == null) return null;
      const instance = new entity() as Record<string, unknown>;
      for (const { key, property } of list) instance[property] = row[key];
      return instance as T;
    },
  };
}

/** The DataSource itself, or the one of an EntityManager (a transaction's). */
export const dataSourceOf = (on: DataSource | EntityManager): DataSource => ('driver' in on ? on : on.connection);

/** What a prepared statement runs on: a pg pool, or the client of a transaction. */
interface PgQueryable {
  query<T>(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * The rows of a statement on a hot path (a read, an autocommitted write, or a statement of a
 * transaction: `on` is then the transaction's EntityManager), as a named prepared statement:
 * PostgreSQL parses and plans it once per connection, not at every request. Counted as TypeORM
 * counts its statements (the DataSource's logger, SqlCounter); a failure is logged and thrown as
 * TypeORM does (logQueryError, then QueryFailedError with the driver's error in driverError).
 * name is the statement's for the whole process: one text per name.
 */
export async function preparedRows<T = Record<string, unknown>>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const ds = dataSourceOf(on);
  const runner = 'driver' in on ? undefined : on.queryRunner;
  ds.logger.logQuery(text, values, runner);
  try {
    // In a transaction, its query runner's client (connect() answers the one it holds); else the pool.
    const target: PgQueryable = runner ? await runner.connect() : (ds.driver as unknown as { master: PgQueryable }).master;
    return (await target.query<T>({ name, text, values })).rows;
  } catch (error) {
    ds.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  }
}
