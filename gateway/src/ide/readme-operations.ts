import { parse, type DefinitionNode, type OperationDefinitionNode } from 'graphql';

/** The README sections whose ```graphql blocks the IDE offers, one tab per operation. */
export const README_SECTIONS = ['Queries to paste', 'Life in the house', 'Identity and tokens'] as const;

/** One operation of the README, as a tab of the IDE shows it. */
export interface ReadmeOperation {
  /** The operation as written, its comments included; an anonymous one named after its root field. */
  document: string;
  name: string;
  kind: OperationDefinitionNode['operation'];
  /** From a `# variables: {…}` line (the line itself is left out of the document). */
  variables?: Record<string, unknown>;
  /** From a `# header: Accept-Language: xx` line (left out too). */
  acceptLanguage?: string;
}

const VARIABLES_LINE = /^[ \t]*# variables: (\{.*\})[ \t]*$/m;
const LANGUAGE_LINE = /^[ \t]*# header: Accept-Language: ([\w-]+)[ \t]*$/m;

/** The body of a `## title…` section of the markdown, up to the next `## ` heading. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const pascal = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);

/** `{ f … }` becomes `query F { f … }`, `mutation { f … }` becomes `mutation F { f … }`. */
function named(text: string, definition: OperationDefinitionNode, offset: number): { text: string; name: string } {
  if (definition.name) return { text, name: definition.name.value };
  const first = definition.selectionSet.selections[0];
  const name = pascal(first?.kind === 'Field' ? first.name.value : definition.operation);
  const token = definition.loc!.startToken;
  const shorthand = token.kind === '{';
  const at = (shorthand ? token.start : token.end) - offset;
  return { text: text.slice(0, at) + (shorthand ? `query ${name} ` : ` ${name}`) + text.slice(at), name };
}

const endOfLine = (text: string, from: number) => {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
};

/**
 * The operations of one ```graphql block. Each takes the comment lines above it and the comment
 * at the end of its last line; what follows the last operation (a `# variables:` line) is its own.
 */
function blockOperations(block: string): ReadmeOperation[] {
  const definitions = parse(block).definitions.filter((d: DefinitionNode): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  let from = 0;
  return definitions.map((definition, i) => {
    const last = i === definitions.length - 1;
    const to = last ? block.length : endOfLine(block, definition.loc!.end);
    let text = block.slice(from, to);
    const operationOffset = from;
    from = to;
    const variables = VARIABLES_LINE.exec(text);
    const language = LANGUAGE_LINE.exec(text);
    const { text: withName, name } = named(text, definition, operationOffset);
    text = withName.replace(VARIABLES_LINE, '').replace(LANGUAGE_LINE, '');
    return {
      document: text.replace(/^\s*\n/, '').trimEnd() + '\n',
      name,
      kind: definition.operation,
      ...(variables && { variables: JSON.parse(variables[1]!) as Record<string, unknown> }),
      ...(language && { acceptLanguage: language[1]! }),
    };
  });
}

/**
 * Every operation of the README's sections that show the API (README_SECTIONS), in README order: the
 * IDE's tabs, and what the tests run and cost. The one reader of the README's operations.
 */
export function readmeOperations(markdown: string, sections: readonly string[] = README_SECTIONS): ReadmeOperation[] {
  return sections.flatMap((title) => [...section(markdown, title).matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => blockOperations(m[1]!)));
}
