import type { EntityManager } from 'typeorm';

/**
 * The rows an UPDATE … RETURNING gave back. TypeORM's PostgreSQL driver answers an UPDATE or a
 * DELETE with [rows, rowCount] (a SELECT or an INSERT with the rows alone), so its raw answer's
 * length is never the number of rows changed.
 */
export async function updateReturning<T = Record<string, any>>(db: Pick<EntityManager, 'query'>, sql: string, params: unknown[]): Promise<T[]> {
  if (!/^\s*(UPDATE|DELETE)\b/i.test(sql)) throw new Error('updateReturning is for UPDATE or DELETE … RETURNING');
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
