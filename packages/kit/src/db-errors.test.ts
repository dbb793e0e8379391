import type { DataSource } from 'typeorm';
import { pgCode, transactionWithRetry } from './db-errors';

/** A DataSource whose transactions fail with the given SQLSTATEs, then succeed. */
function flakyDataSource(failures: string[]) {
  let calls = 0;
  const ds = {
    transaction: async (fn: (m: unknown) => Promise<unknown>) => {
      calls += 1;
      const code = failures.shift();
      if (code) throw Object.assign(new Error(`failed with ${code}`), { driverError: { code } });
      return fn({});
    },
  } as unknown as DataSource;
  return { ds, calls: () => calls };
}

describe('transactionWithRetry', () => {
  it('retries serialization failures a bounded number of times', async () => {
    const { ds, calls } = flakyDataSource(['40001', '40001']);
    await expect(transactionWithRetry(ds, async () => 'done')).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('gives up after the last attempt', async () => {
    const { ds, calls } = flakyDataSource(['40001', '40001', '40001', '40001']);
    await expect(transactionWithRetry(ds, async () => 'done')).rejects.toThrow('failed with 40001');
    expect(calls()).toBe(3);
  });

  it('does not retry other errors, such as an exclusion violation', async () => {
    const { ds, calls } = flakyDataSource(['23P01']);
    const error = await transactionWithRetry(ds, async () => 'done').catch((e: unknown) => e);
    expect(pgCode(error)).toBe('23P01');
    expect(calls()).toBe(1);
  });
});
