/**
 * A condition on the rows of one table, defined once and read two ways: `holds` on a row already
 * loaded, `sqlWhere` as the WHERE fragment of a query over the table. An access rule written as a
 * RowCondition checks one row in code and filters a list in SQL with the same meaning.
 *
 * There is no NOT on purpose: with SQL's NULL, "not true" and "false" part ways, and a rule could
 * then mean one thing in code and another in SQL. Values are compared as given: pass identifiers in
 * the form the rows hold them (lowercased UUIDs).
 */
export type RowCondition<Row> =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | { readonly kind: 'isTrue'; readonly field: FlagOf<Row> }
  | { readonly kind: 'equals'; readonly field: TextOf<Row>; readonly value: string }
  | { readonly kind: 'anyOf'; readonly conditions: readonly RowCondition<Row>[] };

/** The boolean fields of a row, and those holding text (UUIDs included). */
type FlagOf<Row> = { [K in keyof Row & string]: Row[K] extends boolean ? K : never }[keyof Row & string];
type TextOf<Row> = { [K in keyof Row & string]: Row[K] extends string | null ? K : never }[keyof Row & string];

export const always = <Row>(): RowCondition<Row> => ({ kind: 'always' });
export const never = <Row>(): RowCondition<Row> => ({ kind: 'never' });
export const isTrue = <Row>(field: FlagOf<Row>): RowCondition<Row> => ({ kind: 'isTrue', field });
export const equals = <Row>(field: TextOf<Row>, value: string): RowCondition<Row> => ({ kind: 'equals', field, value });

/** Any of the conditions; `never` ones dropped, `always` if one is. */
export function anyOf<Row>(...conditions: RowCondition<Row>[]): RowCondition<Row> {
  const kept = conditions.filter((c) => c.kind !== 'never');
  if (kept.some((c) => c.kind === 'always')) return always();
  if (kept.length === 0) return never();
  return kept.length === 1 ? kept[0]! : { kind: 'anyOf', conditions: kept };
}

/** Whether a loaded row meets the condition. */
export function holds<Row>(condition: RowCondition<Row>, row: Row): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'isTrue':
      return row[condition.field] === true;
    case 'equals':
      return row[condition.field] === condition.value;
    case 'anyOf':
      return condition.conditions.some((c) => holds(c, row));
  }
}

/** A table as a query names it: its alias, and the column of each field a condition reads. */
export interface SqlTable<Row> {
  alias: string;
  columns: { readonly [K in keyof Row & string]?: string };
}

/** The placeholders of one query; `add` keeps a value and answers how the SQL names it. */
export interface SqlParameters {
  add(value: unknown): string;
}

/** Named placeholders (`:prefix0`), as TypeORM's query builder takes them; `values` is its parameter object. */
export function namedParameters(prefix: string): SqlParameters & { values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  return {
    values,
    add(value) {
      const name = `${prefix}${Object.keys(values).length}`;
      values[name] = value;
      return `:${name}`;
    },
  };
}

/** Positional placeholders ($n) after the values a raw query already has. */
export function positionalParameters(values: unknown[]): SqlParameters {
  return {
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** The condition as a WHERE fragment over `table`, its values given to `parameters`. */
export function sqlWhere<Row>(condition: RowCondition<Row>, table: SqlTable<Row>, parameters: SqlParameters): string {
  switch (condition.kind) {
    case 'always':
      return 'TRUE';
    case 'never':
      return 'FALSE';
    case 'isTrue':
      return columnOf(table, condition.field);
    case 'equals':
      return `${columnOf(table, condition.field)} = ${parameters.add(condition.value)}`;
    case 'anyOf':
      return `(${condition.conditions.map((c) => sqlWhere(c, table, parameters)).join(' OR ')})`;
  }
}

function columnOf<Row>(table: SqlTable<Row>, field: keyof Row & string): string {
  const column = table.columns[field];
  if (!column) throw new TypeError(`no column for the field ${field} of ${table.alias}`);
  return `${table.alias}.${column}`;
}
