import { requestContext, runInRequestContext } from '@maison/telemetry';
import { SqlCounter } from './database';

describe('SqlCounter', () => {
  it("counts a statement in the request's count only when the count is its own", () => {
    const tenants = new SqlCounter();
    const gallery = new SqlCounter();
    const count = tenants.newCount();
    runInRequestContext({ requestId: 'r', sql: count }, () => {
      tenants.logQuery('SELECT 1');
      tenants.logQuery('SELECT 2');
      gallery.logQuery('SELECT 3'); // another subgraph in the same process: not this request's statement
    });
    tenants.logQuery('SELECT 4'); // outside any request
    expect(count.statements).toBe(2);
    expect([tenants.total, gallery.total]).toEqual([3, 1]);
  });
});

describe('SqlCounter.measure', () => {
  it("counts what fn runs, apart from the request around it, and keeps that request's id and language", async () => {
    const counter = new SqlCounter();
    const outer = counter.newCount();
    const seen = await runInRequestContext({ requestId: 'outer', lang: 'en', sql: outer }, () =>
      counter.measure(async () => {
        counter.logQuery('SELECT 1');
        return requestContext();
      }),
    );
    expect(seen.statements).toBe(1);
    expect(seen.result).toMatchObject({ requestId: 'outer', lang: 'en' });
    expect(outer.statements).toBe(0);
  });
});
