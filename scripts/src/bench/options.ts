/**
 * A numeric option of the benchmark tools (`--runs 5`, `--warmup 8`), read once at start: a text
 * that is not a finite number at least `min` stops the tool with a message naming the option,
 * rather than a run of NaN seconds or an autocannon error halfway through.
 */
export function numberOption(name: string, text: string | undefined, min: number): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value < min) {
    throw new Error(`--${name} must be a number of at least ${min}, not ${JSON.stringify(text ?? '')}`);
  }
  return value;
}
