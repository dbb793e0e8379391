import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '@maison/errors';
import type { Lang } from '@maison/config';
import { isLocalDate, isUuid } from '@maison/house';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: () => Promise<number>;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(
  name: string,
  node: ClassType<T>,
): ClassType<ConnectionShape<T>> & { from(page: Page<T>): ConnectionShape<T> } {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The nodes of the edges, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }

    static from(page: Page<T>): Connection {
      const c = new Connection();
      c.nodes = page.nodes;
      c.edges = page.nodes.map((n, i) => Object.assign(new Edge(), { node: n, cursor: page.cursors[i]! }));
      c.pageInfo = Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors[page.cursors.length - 1] ?? null,
      });
      c.count = page.totalCount;
      return c;
    }
  }
  return Connection;
}

type SortValue = string | number;

function encodeCursor(values: SortValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What a sort key's value is, so that a cursor's value is one its column takes. */
export type SortValueKind = 'text' | 'smallint' | 'instant' | 'date';
const KIND_CHECKS: Record<SortValueKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && !v.includes('\u0000'),
  smallint: (v) => Number.isInteger(v) && Math.abs(v as number) <= 32_767,
  instant: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && Math.abs(Date.parse(v)) <= Date.parse('9999-12-31T23:59:59.999Z'),
  date: (v) => typeof v === 'string' && isLocalDate(v) && !v.startsWith('0000-'),
};

/** A cursor this server wrote: [a value of the sort's kind, a UUID]; anything else is BAD_CURSOR, never a query. */
export function decodeCursor(cursor: string, kind: SortValueKind, lang: Lang): SortValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2 && KIND_CHECKS[kind](values[0]) && typeof values[1] === 'string' && isUuid(values[1])) {
      return values;
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(lang, 'BAD_CURSOR', { cursor: cursor.slice(0, 60) });
}

export function pageSize(first: number | null | undefined, lang: Lang): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(lang, 'PAGE_SIZE', { max: MAX_PAGE_SIZE });
  }
  return first;
}

export interface KeysetSort<T> {
  /** SQL expression of the sort key, e.g. `e.starts_at`. */
  expression: string;
  /** SQL expression of the unique tie-breaker, e.g. `e.id`. */
  idExpression: string;
  direction: 'ASC' | 'DESC';
  /** The sort key and id of a row, as they go into the cursor. */
  key(row: T): [SortValue, string];
  /** The kind of the sort key's value (text by default): a cursor holding another is refused. */
  kind?: SortValueKind;
  /** Turns a cursor's sort value back into a query parameter (e.g. an ISO string into a Date). */
  parse?(value: SortValue): unknown;
}

/**
 * Keyset pagination: stable under inserts, an index range scan instead of an OFFSET, and one
 * statement per page (plus one count, only when totalCount is asked for).
 */
export async function paginate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, args: PageArgs, sort: KeysetSort<T>, lang: Lang): Promise<Page<T>> {
  const size = pageSize(args.first, lang);
  const counting = query.clone();
  const page = query.clone();
  if (args.after) {
    const [value, id] = decodeCursor(args.after, sort.kind ?? 'text', lang);
    const op = sort.direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${sort.expression}, ${sort.idExpression}) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: sort.parse ? sort.parse(value!) : value,
      cursorId: id,
    });
  }
  page
    .orderBy(sort.expression, sort.direction)
    .addOrderBy(sort.idExpression, sort.direction)
    .take(undefined)
    .limit(size + 1);
  const rows = await page.getMany();
  const nodes = rows.slice(0, size);
  let total: Promise<number> | undefined;
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor(sort.key(n))),
    hasNextPage: rows.length > size,
    hasPreviousPage: Boolean(args.after),
    totalCount: () => (total ??= counting.getCount()),
  };
}
