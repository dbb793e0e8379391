import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { readGatewayConfig } from '../gateway/src/config';
import { costEstimator, type CostEstimator } from '../gateway/src/limits/estimate';
import { ACCEPTED, REFUSED, type CostShape } from './cost-shapes';
import { readmeOperations } from '../gateway/src/ide/readme-operations';
import { tableAfter } from './readme-tables';

/**
 * The README's cost tables are computed here, with the gateway's estimator against the committed
 * supergraph: a change to a directive, the model or an operation of the README that leaves a table
 * stale fails this test.
 */
const readme = readFileSync(path.resolve(__dirname, '..', 'README.md'), 'utf8');
const operations = readmeOperations(readme).map((o) => ({ label: `${o.kind} ${o.name}`, document: o.document, variables: o.variables ?? {} }));
const defaults = readGatewayConfig({});
let estimator: CostEstimator;
beforeAll(async () => {
  estimator = await costEstimator(readFileSync(defaults.supergraphPath, 'utf8'), { listSize: defaults.queryCostListSize });
});

describe('the costs the README gives', () => {
  it('are those of every operation of its graphql blocks, each valid against the schema', () => {
    expect(operations).toHaveLength(19);
    for (const { label, document } of operations) expect([label, validate(estimator.schema, parse(document))]).toEqual([label, []]);
  });

  it('match the table of its operations, and each fits the default budget', () => {
    const computed = operations.map((o) => [o.label, String(estimator.costOf(o.document, o.variables))]);
    expect(tableAfter(readme, 'What the operations of this README cost')).toEqual(computed);
    for (const [label, cost] of computed) expect([label, Number(cost) <= defaults.maxQueryCost]).toEqual([label, true]);
  });

  it('match the examples of the cost model', () => {
    const model = readme.slice(readme.indexOf('**The cost model.**'), readme.indexOf('What the operations of this README cost'));
    const examples = [...model.matchAll(/`(\{[^`]+\})` costs (?:[^;.`]*= )?(\d+)/g)].map((m) => [m[1]!, m[2]!]);
    expect(examples).toHaveLength(3);
    expect(examples.map(([query]) => [query, String(estimator.costOf(query!))])).toEqual(examples);
  });

  it('match the table of the shapes the budget is set for', () => {
    const row = (shape: CostShape) => {
      const cost = estimator.costOf(shape.document, shape.variables);
      return [shape.label, `${cost} (${cost <= defaults.maxQueryCost ? 'accepted' : 'refused'})`];
    };
    expect(tableAfter(readme, 'What the default budget is set for')).toEqual([...ACCEPTED, ...REFUSED].map(row));
  });
});
