/** The most distinct operation names one process labels; later names are counted as "other". */
const MAX_OPERATIONS = 200;
const MAX_LENGTH = 64;
const seen = new Set<string>();

/**
 * The operation label of a metric: the operation's name as written in its document (never what the
 * client claims), cut to 64 characters; "anonymous" without a name; "other" once 200 distinct names
 * have been seen, so that a caller inventing names cannot grow the metrics without bound.
 */
export function operationLabel(name: string | undefined | null): string {
  if (!name || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return 'anonymous';
  const label = name.slice(0, MAX_LENGTH);
  if (seen.has(label)) return label;
  if (seen.size >= MAX_OPERATIONS) return 'other';
  seen.add(label);
  return label;
}
