import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDays, startOfLocalDay, todayInHouse } from '@maison/kit';
import { startGraph, type RunningGraph } from '@maison/testing';

/** The operations the README offers to front-end developers run, as written, through the gateway. */
const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
// The "Queries to paste" section: operations that run as written (later sections use <placeholders>).
const pasteSection = readme.slice(readme.indexOf('## Queries to paste'), readme.indexOf('\n## ', readme.indexOf('## Queries to paste') + 5));
const operations = [...pasteSection.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

/** The README's dates are examples; the test moves them to this week so the seed data is in range. */
function variablesOf(operation: string): Record<string, unknown> {
  const declared = /# variables: (\{.*\})/.exec(operation);
  const variables: Record<string, string> = declared ? JSON.parse(declared[1]!) : {};
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

  it.each(operations.map((op, i) => [i + 1, op]))('operation %i answers without errors', async (_, operation) => {
    const headers = /# header: Accept-Language: (\w+)/.exec(operation as string);
    const { status, body } = await graph.query(operation as string, variablesOf(operation as string), {
      headers: headers ? { 'accept-language': headers[1]! } : {},
    });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data).length).toBeGreaterThan(100);
  });
});
