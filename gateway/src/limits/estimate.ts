import { ApolloGateway } from '@apollo/gateway';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { operationCost, type CostSettings } from './cost';
import { readCostDirectives } from './cost-directives';
import { fragmentLookup } from './fragments';

export interface CostEstimator {
  /** The API schema the gateway serves for this supergraph. */
  schema: GraphQLSchema;
  /** The cost the gateway estimates for an operation (the named one, or the document's only one). */
  costOf(document: string, variables?: Record<string, unknown>, operationName?: string): number;
}

/**
 * The gateway's cost estimate outside a request, for tests and tools: the supergraph is loaded by
 * @apollo/gateway, as when the gateway starts, and its directives read as the cost plugin reads them.
 */
export async function costEstimator(supergraphSdl: string, settings: CostSettings): Promise<CostEstimator> {
  const gateway = new ApolloGateway({ supergraphSdl });
  const { schema } = await gateway.load();
  await gateway.stop();
  const directives = readCostDirectives(supergraphSdl);
  return {
    schema,
    costOf(text, variables = {}, operationName) {
      const document = parse(text);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const operation = operationName === undefined ? operations[0] : operations.find((o) => o.name?.value === operationName);
      if (!operation || (operationName === undefined && operations.length > 1)) throw new Error(`no single operation ${operationName ?? ''} in the document`);
      return operationCost(schema, directives, operation, fragmentLookup(document), variables, settings);
    },
  };
}
