import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { aliasLimitRule } from './aliases';
import { readCostDirectives } from './cost-directives';
import { costEstimator, costLimitPlugin, type CostOf } from './cost-plugin';
import { depthLimitRule } from './depth';

export { LimitError, type LimitCode } from './limit-error';
export { selectionDepth } from './depth';
export { aliasCount } from './aliases';
export { jsonDepth, requestVariables } from './variables-depth';
export { operationCost, MUTATION_BASE_COST, type CostSettings } from './cost';
export type { CostOf } from './cost-plugin';
export { readCostDirectives, type CostDirectives } from './cost-directives';

export interface LimitSettings {
  maxQueryDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxQueryCost: number;
  queryCostListSize: number;
  /** The supergraph the gateway serves: its @cost and @listSize drive the cost model. */
  supergraphPath: string;
}

/** The operation limits, as the pieces ApolloServer takes: validation rules, parse options, a plugin. */
export function operationLimits<C extends BaseContext>(
  settings: LimitSettings,
): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
  plugin: ApolloServerPlugin<C>;
  /** The cost of an operation with its variables, as the plugin counts it. */
  costOf: CostOf;
  maxQueryCost: number;
} {
  const costOf = costEstimator(readCostDirectives(readFileSync(settings.supergraphPath, 'utf8')), { listSize: settings.queryCostListSize });
  return {
    validationRules: [depthLimitRule(settings.maxQueryDepth), aliasLimitRule(settings.maxAliases)],
    parseOptions: { maxTokens: settings.maxTokens },
    plugin: costLimitPlugin<C>(settings.maxQueryCost, costOf),
    costOf,
    maxQueryCost: settings.maxQueryCost,
  };
}

/** graphql-js stops parsing at maxTokens with this message (16.x spells it "more that"); the gateway turns it into TOKEN_LIMIT_EXCEEDED. */
export const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) (\d+) tokens/;
