import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { readGatewayConfig } from '../gateway/src/config';
import { costEstimator, type CostEstimator } from '../gateway/src/limits/estimate';
import { ACCEPTED, REFUSED, type CostShape } from './cost-shapes';

/** The default budget against the committed supergraph: the pages it is set for pass, the abusive shapes do not. */
const defaults = readGatewayConfig({});
let estimator: CostEstimator;
beforeAll(async () => {
  estimator = await costEstimator(readFileSync(defaults.supergraphPath, 'utf8'), { listSize: defaults.queryCostListSize });
});

const costOf = (shape: CostShape) => {
  expect(validate(estimator.schema, parse(shape.document))).toEqual([]);
  return estimator.costOf(shape.document, shape.variables);
};

describe(`the default budget (MAX_QUERY_COST=${defaults.maxQueryCost})`, () => {
  it.each(ACCEPTED.map((s) => [s.label, s] as const))('accepts %s', (_, shape) => {
    expect(costOf(shape)).toBeLessThanOrEqual(defaults.maxQueryCost);
  });

  it.each(REFUSED.map((s) => [s.label, s] as const))('refuses %s', (_, shape) => {
    expect(costOf(shape)).toBeGreaterThan(defaults.maxQueryCost);
  });
});
