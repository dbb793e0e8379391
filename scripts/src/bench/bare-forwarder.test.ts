import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { rootFieldUrls } from './bare-forwarder';

/** The bare forwarder sends each operation to the subgraph the supergraph says resolves its first root field. */
it('routes the root fields of the bench scenarios to the subgraph that resolves them', () => {
  const supergraph = parse(readFileSync(path.join(__dirname, '../../../gateway/supergraph.graphql'), 'utf8'));
  const routes = rootFieldUrls(supergraph, { TENANTS: 'http://tenants', COWORKING: 'http://coworking', GALLERY: 'http://gallery' });
  expect(['Query.exhibition', 'Query.sharedSpace', 'Mutation.bookSharedSpace', 'Query.membershipPlans'].map((f) => routes.get(f))).toEqual([
    'http://gallery',
    'http://tenants',
    'http://tenants',
    'http://coworking',
  ]);
  // Every root field has a route (a field of no subgraph would answer 502).
  const roots = supergraph.definitions.flatMap((d) =>
    d.kind === 'ObjectTypeDefinition' && ['Query', 'Mutation'].includes(d.name.value) ? (d.fields ?? []).map((f) => `${d.name.value}.${f.name.value}`) : [],
  );
  expect(roots.filter((f) => !routes.has(f))).toEqual([]);
});
