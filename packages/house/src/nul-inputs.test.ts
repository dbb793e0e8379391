import { parse, type OperationDefinitionNode } from 'graphql';
import { nulInputs } from './nul-inputs';

const check = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return nulInputs(document, operation, variables);
};

describe('nulInputs', () => {
  it('finds NUL in a literal argument, naming the field and the argument', () => {
    expect(check('{ tenant(slug: "a\\u0000b") { id } }')).toEqual([{ kind: 'argument', name: 'tenant.slug' }]);
    expect(check('{ sharedSpace(slug: "\\u0000") { id } }')).toEqual([{ kind: 'argument', name: 'sharedSpace.slug' }]);
  });

  it('finds NUL nested in input objects and lists, and in fragments', () => {
    expect(check('mutation { createTenant(input: { name: "x", tags: ["ok", "n\\u0000"] }) { id } }')).toEqual([
      { kind: 'argument', name: 'createTenant.input.tags[1]' },
    ]);
    expect(check('query { ...F } fragment F on Query { artist(slug: "\\u0000") { id } }')).toEqual([{ kind: 'argument', name: 'artist.slug' }]);
  });

  it('finds NUL in variables, nested, and in a default value', () => {
    expect(check('query($slug: String!) { tenant(slug: $slug) { id } }', { slug: 'a\u0000' })).toEqual([{ kind: 'variable', name: 'slug' }]);
    expect(check('mutation($input: X!) { m(input: $input) { id } }', { input: { a: { b: ['ok', '\u0000'] } } })).toEqual([
      { kind: 'variable', name: 'input.a.b[1]' },
    ]);
    expect(check('query($slug: String = "\\u0000") { tenant(slug: $slug) { id } }')).toEqual([{ kind: 'variable', name: 'slug' }]);
  });

  it('lets every other text through, control characters included (the text rules answer those)', () => {
    expect(check('{ tenant(slug: "a\\u0001b\\nc") { id } }')).toEqual([]);
    expect(check('query($slug: String!, $n: Int) { tenant(slug: $slug) { id } }', { slug: 'café', n: 3, unused: '\u0000' })).toEqual([]);
    expect(check('{ calendar(from: "2026-12-01", to: "2026-12-02") { date } }')).toEqual([]);
  });
});

describe('nulInputs, once per parsed document', () => {
  it('walks the literals of a document once: later requests of the same parsed document only check their variables', () => {
    const document = parse('query($q: String) { tenant(slug: "clean") { id } search(q: $q) { id } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(nulInputs(document, operation, { q: 'ok' })).toEqual([]);
    // Were the literals walked again, this (never done in practice: parsed documents are not changed) would be seen.
    const argument = (operation.selectionSet.selections[0] as unknown as { arguments: { value: { value: string } }[] }).arguments[0]!;
    (argument.value as { value: string }).value = 'a\u0000b';
    expect(nulInputs(document, operation, { q: 'x\u0000' })).toEqual([{ kind: 'variable', name: 'q' }]);
    // A document parsed anew is walked anew.
    expect(check('query { tenant(slug: "a\\u0000b") { id } }')).toEqual([{ kind: 'argument', name: 'tenant.slug' }]);
  });
});
