import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/** One operation of a ```graphql block of the README, with the variables its `# variables:` comment gives. */
export interface ReadmeOperation {
  /** `query WhatsOn`, `query { exhibitions }`, `mutation { bookSharedSpace }`: named, or by its first root field. */
  label: string;
  document: string;
  variables: Record<string, unknown>;
}

const labelOf = (operation: OperationDefinitionNode): string => {
  if (operation.name) return `${operation.operation} ${operation.name.value}`;
  const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return `${operation.operation} { ${first && first.kind === Kind.FIELD ? first.name.value : '…'} }`;
};

/** Every operation of every ```graphql block, in the order of the README. A block may hold several. */
export function readmeOperations(markdown: string): ReadmeOperation[] {
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) => {
    const { definitions } = parse(block);
    const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    return operations.map((operation, i) => {
      // The `# variables: {…}` comment of an operation follows it, before the next one.
      const after = block.slice(operation.loc!.end, operations[i + 1]?.loc!.start ?? block.length);
      const declared = /# variables: (\{.*\})/.exec(after);
      return { label: labelOf(operation), document: [operation, ...fragments].map((d) => print(d)).join('\n'), variables: declared ? JSON.parse(declared[1]!) : {} };
    });
  });
}

/** The rows of the markdown table that follows `heading` in the README: [first cell without backquotes, second cell]. */
export function tableAfter(markdown: string, heading: string): [string, string][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" in the README`);
  const lines = markdown.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const end = table.findIndex((l) => !l.startsWith('|'));
  const rows = (end < 0 ? table : table.slice(0, end)).slice(2);
  return rows.map((row) => {
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    return [cells[0]!.replace(/^`|`$/g, ''), cells[1]!];
  });
}
