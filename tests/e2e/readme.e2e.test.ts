import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, startOfLocalDay, todayInHouse } from '@maison/house';
import { startGraph, type RunningGraph } from '@maison/testing';
import { readmeOperations, type ReadmeOperation } from '../../gateway/src/ide/readme-operations';

/** The operations the README offers to front-end developers run, as written, through the gateway. */
const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
// The "Queries to paste" section: operations that run as written (later sections use <placeholders>).
const operations = readmeOperations(readme, ['Queries to paste']);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

/** The README's dates are examples; the test moves them to this week so the seed data is in range. */
function variablesOf(operation: ReadmeOperation): Record<string, unknown> {
  const variables = { ...(operation.variables as Record<string, string> | undefined) };
  const today = todayInHouse();
  for (const [key, value] of Object.entries(variables)) {
    const days = key === 'from' ? 0 : 6;
    variables[key] = /T/.test(value) ? startOfLocalDay(addDays(today, days)).toISOString() : addDays(today, days);
  }
  return variables;
}

describe('the README examples', () => {
  it('has the three operations it promises', () => {
    expect(operations).toHaveLength(3);
  });

  it.each(operations.map((op) => [op.name, op] as const))('%s answers without errors', async (_, operation) => {
    const { status, body } = await graph.query(operation.document, variablesOf(operation), {
      headers: operation.acceptLanguage ? { 'accept-language': operation.acceptLanguage } : {},
    });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data).length).toBeGreaterThan(100);
  });
});
