import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * The demand-control directives of federation 2.9 (@cost, @listSize), as the subgraphs write them
 * with type-graphql's @Directive. The gateway estimates the cost of each operation from them
 * (gateway/src/limits/cost.ts; README, "The cost model").
 */

/** A list that holds about `size` items: the most the house's data and rules give, not a guess. */
export const assumedSize = (size: number): string => `@listSize(assumedSize: ${size})`;

/** Each item (or the object) this field returns weighs `weight` instead of 1: it makes the subgraphs do more. */
export const costWeight = (weight: number): string => `@cost(weight: ${weight})`;

/**
 * A connection field: its edges and nodes hold `first` items, DEFAULT_PAGE_SIZE when left out.
 * `first` may be left out, so requireOneSlicingArgument is false.
 */
export const CONNECTION_SIZE = `@listSize(assumedSize: ${DEFAULT_PAGE_SIZE}, slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`;

/** userErrors: one code per refusal; input validation reports each faulty field, rarely more than a few. */
export const USER_ERRORS_SIZE = assumedSize(5);
