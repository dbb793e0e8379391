import {
  isTypeDefinitionNode,
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';

/** @listSize of one field, as the IBM cost spec and federation 2.9 define it. */
export interface ListSize {
  assumedSize?: number;
  slicingArguments: string[];
  sizedFields: string[];
  requireOneSlicingArgument: boolean;
}

export interface FieldCost {
  /** @cost weight of the field, or of the type it returns. */
  weight?: number;
  listSize?: ListSize;
  /** @cost weights of the field's arguments. */
  argumentWeights: Map<string, number>;
}

/**
 * The @cost and @listSize directives of a supergraph, by `Type.field` (and `Input.field` for the
 * weights of input fields). The gateway's API schema drops applied directives, so they are read
 * from the supergraph SDL itself.
 */
export interface CostDirectives {
  field(type: string, field: string): FieldCost | undefined;
  inputFieldWeight(type: string, field: string): number | undefined;
}

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v\d+\.\d+$/;

/**
 * The names the directives go by. Composition links the cost spec in the supergraph
 * (`@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])`): `@cost`, the
 * spec's own name, needs no import; `@listSize` is imported, possibly under another name, and
 * would otherwise be `@cost__listSize`. A schema without the link (a plain subgraph) uses the bare names.
 */
export function costDirectiveNames(document: DocumentNode): { cost: string; listSize: string } {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = argumentsOf(link);
      if (typeof args.url !== 'string' || !COST_SPEC.test(args.url)) continue;
      const prefix = typeof args.as === 'string' ? args.as : 'cost';
      const names = { cost: prefix, listSize: `${prefix}__listSize` };
      for (const entry of Array.isArray(args.import) ? args.import : []) {
        const { name, as } = typeof entry === 'string' ? { name: entry, as: entry } : (entry as { name?: string; as?: string });
        if (name === '@listSize') names.listSize = (as ?? name).replace(/^@/, '');
        if (name === '@cost') names.cost = (as ?? name).replace(/^@/, '');
      }
      return names;
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function readCostDirectives(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const names = costDirectiveNames(document);
  const find = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) => node.directives?.find((d) => d.name.value === name);
  const weightOf = (node: { directives?: readonly ConstDirectiveNode[] }): number | undefined => {
    const cost = find(node, names.cost);
    const weight = cost && argumentsOf(cost).weight;
    return typeof weight === 'number' ? weight : undefined;
  };
  const listSizeOf = (node: FieldDefinitionNode): ListSize | undefined => {
    const directive = find(node, names.listSize);
    if (!directive) return undefined;
    const args = argumentsOf(directive);
    return {
      ...(typeof args.assumedSize === 'number' && { assumedSize: args.assumedSize }),
      slicingArguments: strings(args.slicingArguments),
      sizedFields: strings(args.sizedFields),
      requireOneSlicingArgument: args.requireOneSlicingArgument !== false,
    };
  };

  const typeWeights = new Map<string, number>();
  const fieldsOf = new Map<string, readonly FieldDefinitionNode[]>();
  const inputFields = new Map<string, number>();
  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const typeName = definition.name.value;
    const weight = weightOf(definition);
    if (weight !== undefined) typeWeights.set(typeName, weight);
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      fieldsOf.set(typeName, definition.fields ?? []);
    }
    if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const f of definition.fields ?? []) {
        const w = weightOf(f);
        if (w !== undefined) inputFields.set(`${typeName}.${f.name.value}`, w);
      }
    }
  }

  const fields = new Map<string, FieldCost>();
  const argumentWeights = (args: readonly InputValueDefinitionNode[]) =>
    new Map(args.flatMap((a) => (weightOf(a) === undefined ? [] : [[a.name.value, weightOf(a)!] as const])));
  for (const [typeName, definitions] of fieldsOf) {
    for (const f of definitions) {
      const returned = namedTypeOf(f);
      const weight = weightOf(f) ?? typeWeights.get(returned);
      const listSize = listSizeOf(f);
      const args = argumentWeights(f.arguments ?? []);
      if (weight === undefined && !listSize && args.size === 0) continue;
      fields.set(`${typeName}.${f.name.value}`, { ...(weight !== undefined && { weight }), ...(listSize && { listSize }), argumentWeights: args });
    }
  }
  return {
    field: (type, field) => fields.get(`${type}.${field}`),
    inputFieldWeight: (type, field) => inputFields.get(`${type}.${field}`),
  };
}

function namedTypeOf(field: FieldDefinitionNode): string {
  let type = field.type;
  while (type.kind !== Kind.NAMED_TYPE) type = type.type;
  return type.name.value;
}
