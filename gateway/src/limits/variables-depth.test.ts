import { jsonDepth, requestVariables } from './variables-depth';

/** `{ a: { a: … } }`, levels deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('jsonDepth', () => {
  it('counts objects and lists, not scalars', () => {
    expect(jsonDepth(undefined)).toBe(0);
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: 1, b: [1, 2] })).toBe(2);
    expect(jsonDepth({ a: { b: { c: null } }, d: [] })).toBe(3);
    expect(jsonDepth(nested(64))).toBe(64);
  });

  it('walks 10,000 levels without overflowing, and stops once past the limit', () => {
    expect(jsonDepth(nested(10_000))).toBe(10_000);
    expect(jsonDepth(nested(10_000), 64)).toBe(65);
    expect(jsonDepth(nested(64), 64)).toBe(64);
  });
});

describe('requestVariables', () => {
  it("reads a POST body's variables and a GET's variables parameter", () => {
    expect(requestVariables('POST', '/graphql', { query: '{ x }', variables: { a: { b: 1 } } })).toEqual({ a: { b: 1 } });
    expect(requestVariables('POST', '/graphql', [1])).toBeUndefined();
    const get = `/graphql?query=${encodeURIComponent('{ x }')}&variables=${encodeURIComponent('{"a":[[1]]}')}`;
    expect(requestVariables('GET', get, undefined)).toEqual({ a: [[1]] });
    expect(requestVariables('GET', '/graphql?variables=%7Bnot%20json', undefined)).toBeUndefined();
    expect(requestVariables('GET', '/graphql?query=x', undefined)).toBeUndefined();
  });
});
