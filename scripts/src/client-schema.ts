import { defaultPrintOptions, printSchema, Supergraph, type NamedType, type PrintOptions } from '@apollo/federation-internals';
import { parse, Kind, type ScalarTypeDefinitionNode } from 'graphql';

const ROOTS = ['Query', 'Mutation', 'Subscription'];
const rank = (type: NamedType) => (ROOTS.includes(type.name) ? ROOTS.indexOf(type.name) : ROOTS.length);

/** Root types first, then every other type by name; fields keep the order the gateway shows. */
const PRINT: PrintOptions = {
  ...defaultPrintOptions,
  typeCompareFn: (a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name),
  directiveCompareFn: (a, b) => a.name.localeCompare(b.name),
};

/**
 * The schema as a client of the gateway sees it: the API schema of the supergraph (what
 * @apollo/gateway serves), with descriptions, without the federation machinery (join, link) and
 * without anything @inaccessible.
 */
export function clientSchemaOf(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema();
  return `${printSchema(api, PRINT).trim()}\n`;
}

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Custom scalars of an SDL that say nothing of their format: neither a description nor @specifiedBy. */
export function undocumentedScalars(sdl: string): string[] {
  return parse(sdl)
    .definitions.filter((d): d is ScalarTypeDefinitionNode => d.kind === Kind.SCALAR_TYPE_DEFINITION)
    .filter((d) => !BUILT_IN_SCALARS.has(d.name.value))
    .filter((d) => !d.description?.value.trim() && !d.directives?.some((directive) => directive.name.value === 'specifiedBy'))
    .map((d) => d.name.value);
}
