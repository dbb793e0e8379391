import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Adds to `into` the object types a value of `type` can be: itself, or for an interface or a union
 * each of its possible types. A Relay connection or edge also counts as the type of its nodes: its
 * `totalCount` and `pageInfo` change when a node is created or removed.
 */
export function addObjectTypes(schema: GraphQLSchema, type: GraphQLCompositeType, into: Set<string>): void {
  if (isAbstractType(type)) {
    for (const possible of schema.getPossibleTypes(type)) addObjectTypes(schema, possible, into);
    return;
  }
  if (into.has(type.name)) return;
  into.add(type.name);
  if (!isObjectType(type) || !/(Connection|Edge)$/.test(type.name)) return;
  for (const name of ['node', 'nodes']) {
    const node = type.getFields()[name];
    const named = node && getNamedType(node.type);
    if (named && isCompositeType(named)) addObjectTypes(schema, named, into);
  }
}

/** Types by schema, then by parsed operation (Apollo Server keeps parsed documents). */
const known = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, readonly string[] | null>>();

/**
 * The object types an answer to this query can contain, whether or not it asks for `__typename`:
 * the named type of every field it selects, walked against the schema with TypeInfo (interfaces
 * and unions stand for their possible types). Fragments are walked wherever they are defined: an
 * unused one only adds types. Undefined when a root field returns a scalar: nothing says what
 * changes it, so such an answer is not kept. Computed once per parsed operation.
 */
export function answerTypes(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): readonly string[] | undefined {
  let ofSchema = known.get(schema);
  if (!ofSchema) known.set(schema, (ofSchema = new WeakMap()));
  const cached = ofSchema.get(operation);
  if (cached !== undefined) return cached ?? undefined;
  const types = new Set<string>();
  let untagged = false;
  const typeInfo = new TypeInfo(schema);
  const root = schema.getRootType(operation.operation);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field) return;
        const named = getNamedType(field.type);
        if (isCompositeType(named)) addObjectTypes(schema, named, types);
        else if (typeInfo.getParentType() === root && node.name.value !== '__typename') untagged = true;
      },
    }),
  );
  const result = untagged ? null : [...types].sort();
  ofSchema.set(operation, result);
  return result ?? undefined;
}
