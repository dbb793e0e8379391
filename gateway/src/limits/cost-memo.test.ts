import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { costMemo, COSTS_PER_OPERATION } from './cost-memo';

const schema = buildSchema('type Query { a(n: Int): Int }');
const operationOf = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;

describe('remembered cost estimates', () => {
  it('computes once per operation node and variables, again for other variables or another parse', () => {
    const memo = costMemo();
    let computed = 0;
    const compute = () => ++computed;
    const op = operationOf('query($n: Int) { a(n: $n) }');
    expect(memo(schema, op, { n: 1 }, compute)).toBe(1);
    expect(memo(schema, op, { n: 1 }, compute)).toBe(1);
    expect(memo(schema, op, { n: 2 }, compute)).toBe(2);
    expect(memo(schema, operationOf('query($n: Int) { a(n: $n) }'), { n: 1 }, compute)).toBe(3);
    expect(memo(buildSchema('type Query { a(n: Int): Int }'), op, { n: 1 }, compute)).toBe(4);
    expect(computed).toBe(4);
  });

  it('stops remembering an operation whose variables keep changing, and still answers each right', () => {
    const memo = costMemo();
    let computed = 0;
    const op = operationOf('query($n: Int) { a(n: $n) }');
    for (let n = 0; n < COSTS_PER_OPERATION * 3; n++) {
      expect(
        memo(schema, op, { n }, () => {
          computed += 1;
          return n * 10;
        }),
      ).toBe(n * 10);
    }
    expect(computed).toBe(COSTS_PER_OPERATION * 3);
    // Once taken as varying, even a repeated set is computed again (no key is built any more).
    memo(schema, op, { n: 0 }, () => ++computed);
    expect(computed).toBe(COSTS_PER_OPERATION * 3 + 1);
  });
});
