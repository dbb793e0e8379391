import { expect } from '@jest/globals';
import type { Identity } from '@maison/auth';
import type { Subgraph } from '@maison/kit';

/**
 * Query plans of the SQL a subgraph really runs: an operation is executed while the subgraph's
 * SqlCounter captures every statement with its parameters, then each captured statement is
 * EXPLAINed (never executed again) and its plan searched for sequential scans of large tables.
 */

/** One node of a plan of `EXPLAIN (FORMAT JSON)`; sub-plans (InitPlan, SubPlan) are children too. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** A node and all its descendants, depth first. */
export const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** Anything that runs SQL with positional parameters: a DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** The plan of one statement (EXPLAIN without ANALYZE: the statement itself does not run), flattened. */
export async function planNodesOf(db: Queryable, sql: string, parameters: unknown[] = []): Promise<PlanNode[]> {
  const [{ 'QUERY PLAN': plan }] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
  return nodes(plan[0].Plan);
}

/** What seqScansOf needs of a running test subgraph. */
export type ExplainableGraph = Pick<Subgraph<any, any>, 'ds' | 'counter' | 'execute'>;

/** Statements whose plan is checked: reads only by default; with selectsOnly false, writes too (the WHERE of an UPDATE, the SELECT inside an INSERT). */
const SELECT = /^\s*(SELECT|WITH)\b/i;
const DML = /^\s*(SELECT|WITH|UPDATE|DELETE|INSERT)\b/i;

export interface SeqScanOptions {
  /** Explain only SELECT statements (false: UPDATE, DELETE and INSERT too). Default true. */
  selectsOnly?: boolean;
}

/**
 * Runs the operation as identity, expects no GraphQL error and at least one read, EXPLAINs every
 * statement it ran with its own parameters, and returns the sequential scans of largeTables found
 * in those plans, one line each (`<table> in: <start of the statement>`): [] when all go by index.
 */
export async function seqScansOf(
  graph: ExplainableGraph,
  operation: string,
  variables: Record<string, unknown>,
  identity: Identity,
  largeTables: readonly string[],
  options: SeqScanOptions = {},
): Promise<string[]> {
  const checked = options.selectsOnly === false ? DML : SELECT;
  graph.counter.captured = [];
  let captured: { query: string; parameters: unknown[] }[];
  let body: Awaited<ReturnType<ExplainableGraph['execute']>>['body'];
  try {
    ({ body } = await graph.execute(operation, variables, { identity }));
  } finally {
    captured = graph.counter.captured ?? [];
    graph.counter.captured = null;
  }
  expect(body.errors).toBeUndefined();
  const statements = captured.filter((c) => checked.test(c.query));
  expect(statements.filter((c) => SELECT.test(c.query)).length).toBeGreaterThan(0);
  const scans: string[] = [];
  for (const { query, parameters } of statements) {
    for (const node of await planNodesOf(graph.ds, query, parameters)) {
      if (node['Node Type'] === 'Seq Scan' && largeTables.includes(node['Relation Name'] ?? '')) {
        scans.push(`${node['Relation Name']} in: ${query.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
      }
    }
  }
  return scans;
}
