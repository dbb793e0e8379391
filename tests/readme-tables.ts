/** Markdown tables of the README, for the tests that compute them. (Its operations: gateway/src/ide/readme-operations.ts.) */
/** The rows of the markdown table that follows `heading` in the README: [first cell without backquotes, second cell]. */
export function tableAfter(markdown: string, heading: string): [string, string][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" in the README`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const end = table.findIndex((l) => !l.startsWith('|'));
  const rows = (end < 0 ? table : table.slice(0, end)).slice(2);
  return rows.map((row) => {
    const cells = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    return [cells[0]!.replace(/^`|`$/g, ''), cells[1]!];
  });
}
