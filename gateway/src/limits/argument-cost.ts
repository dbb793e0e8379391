import { getNamedType, getNullableType, isInputObjectType, isListType, type FieldNode, type GraphQLField, type GraphQLInputType } from 'graphql';
import type { CostDirectives, FieldCost } from './cost-directives';

/**
 * What the arguments given to a field add, as Apollo Router counts them: each input object 1 (its
 * @cost weight when it has one) plus its fields; a list, the sum of its items; a scalar or an
 * enum, its @cost weight, else 0; null nothing. Only the arguments written in the operation count.
 */
export function argumentsCost(
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
  values: Record<string, unknown>,
  fieldCost: FieldCost | undefined,
  directives: CostDirectives,
): number {
  let total = 0;
  for (const given of node.arguments ?? []) {
    const arg = def.args.find((a) => a.name === given.name.value);
    if (arg) total += inputCost(values[arg.name], arg.type, fieldCost?.argumentWeights.get(arg.name), directives);
  }
  return total;
}

function inputCost(value: unknown, type: GraphQLInputType, weight: number | undefined, directives: CostDirectives): number {
  if (value === null || value === undefined) return 0;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    return items.reduce<number>((sum, item) => sum + inputCost(item, nullable.ofType, weight, directives), weight ?? 0);
  }
  const named = getNamedType(type);
  if (!isInputObjectType(named) || typeof value !== 'object') return weight ?? 0;
  const fields = named.getFields();
  let total = weight ?? 1;
  for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[name];
    if (field) total += inputCost(fieldValue, field.type, directives.inputFieldWeight(named.name, name), directives);
  }
  return total;
}
