import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { readmeOperations } from './readme-operations';
import { README_PATH } from './routes';

const readme = readFileSync(README_PATH, 'utf8');
const supergraph = buildSchema(readFileSync(path.resolve(__dirname, '..', '..', 'supergraph.graphql'), 'utf8'));

describe('the README operations the IDE offers', () => {
  const operations = readmeOperations(readme);

  it('are every operation of "Queries to paste", "Life in the house" and "Identity and tokens", in README order, each named', () => {
    expect(operations.map((op) => op.name)).toEqual([
      'WhatsOn',
      'Kitchen',
      'Exhibitions',
      'SharedSpace',
      'BookSharedSpace',
      'BookSharedSpaceSeries',
      'JoinPlan',
      'CheckIn',
      'CoworkingOccupancy',
      'RegisterForEvent',
      'CoworkingEvent',
      'CreateCoworkingEvent',
      'Artworks',
      'CreateExhibition',
      'BookStudio',
      'NewTenant',
      'KitchenRules',
      'OversizedWorkshop',
      'Me',
    ]);
  });

  it.each(operations.map((op) => [op.name, op.document]))('%s is one valid operation of the supergraph', (_, document) => {
    const parsed = parse(document);
    expect(parsed.definitions).toHaveLength(1);
    expect(validate(supergraph, parsed).map((e) => e.message)).toEqual([]);
  });

  it('keeps the README text of each operation, its comments included', () => {
    const joined = readme.replace(/\s+/g, ' ');
    for (const op of operations) {
      // An operation the README leaves anonymous is named after its first field; one it names keeps its name.
      const named = op.document.replace(/\s+/g, ' ').trim();
      const anonymous = op.document.replace(`query ${op.name} {`, '{').replace(`mutation ${op.name} {`, 'mutation {').replace(/\s+/g, ' ').trim();
      expect(joined).toContain(joined.includes(named) ? named : anonymous);
    }
  });

  it('takes # variables and # header lines out of the document, into the tab', () => {
    const whatsOn = operations[0]!;
    expect(whatsOn.variables).toEqual({ from: '2026-11-26', to: '2026-12-02' });
    expect(whatsOn.acceptLanguage).toBe('en');
    expect(whatsOn.document).not.toMatch(/# (variables|header):/);
    expect(operations[1]!.variables).toEqual({ from: '2026-11-26T00:00:00-05:00', to: '2026-12-03T00:00:00-05:00' });
    expect(operations[1]!.acceptLanguage).toBeUndefined();
  });
});

describe('readmeOperations on a block of several operations', () => {
  const markdown = [
    '# Doc',
    '## Queries to paste',
    '```graphql',
    '# Le premier, avec son commentaire',
    '{ a { b } }',
    'mutation { c(x: 1) { d } }   # un commentaire en fin de ligne',
    '',
    '# Le dernier',
    'query Derniere { e }',
    '# variables: { "from": "2026-01-01" }',
    '```',
    '## Life in the house',
    'Sans bloc graphql.',
    '```sh',
    'curl …',
    '```',
    '## Ensuite',
    '```graphql',
    '{ ignored }',
    '```',
  ].join('\n');

  it('gives each operation the comments above it and at the end of its line, and nothing of the other sections', () => {
    expect(readmeOperations(markdown, ['Queries to paste', 'Life in the house'])).toEqual([
      { name: 'A', kind: 'query', document: '# Le premier, avec son commentaire\nquery A { a { b } }\n' },
      { name: 'C', kind: 'mutation', document: 'mutation C { c(x: 1) { d } }   # un commentaire en fin de ligne\n' },
      { name: 'Derniere', kind: 'query', document: '# Le dernier\nquery Derniere { e }\n', variables: { from: '2026-01-01' } },
    ]);
  });

  it('says which section is missing', () => {
    expect(() => readmeOperations('# Doc\n## Queries to paste\n')).toThrow('README.md has no "## Life in the house" section');
  });
});
