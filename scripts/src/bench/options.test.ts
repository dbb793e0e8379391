import { numberOption } from './options';

describe("the benchmark tools' numeric options", () => {
  it('reads a number at least the minimum', () => {
    expect(numberOption('runs', '5', 1)).toBe(5);
    expect(numberOption('warmup', '0', 0)).toBe(0);
    expect(numberOption('duration', '2.5', 1)).toBe(2.5);
  });

  it('refuses, naming the option, what is not such a number', () => {
    for (const text of [undefined, '', ' ', 'abc', 'NaN', 'Infinity', '-1', '0']) {
      expect(() => numberOption('runs', text, 1)).toThrow(/^--runs must be a number of at least 1, not /);
    }
  });
});
