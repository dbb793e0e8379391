import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import { nulInputs, type NulInput } from '@maison/house';
import { badScalarInputs, type BadScalarInput } from './scalar-inputs';

/** BAD_USER_INPUT (HTTP 400) for a value a custom scalar refuses, naming where it was written. */
export class BadScalarInputError extends GraphQLError {
  constructor(
    readonly input: BadScalarInput,
    lang: Lang,
  ) {
    const where = input.kind === 'variable' ? 'SCALAR_VARIABLE' : 'SCALAR_ARGUMENT';
    super(codeMessage('BAD_USER_INPUT', where, lang, { name: input.name, scalar: input.scalar, problem: input.problem[lang] }), {
      extensions: { code: 'BAD_USER_INPUT', [input.kind]: input.name, scalar: input.scalar, http: { status: 400 } },
    });
    this.name = 'BadScalarInputError';
  }
}

/** BAD_USER_INPUT (HTTP 400) for a text holding NUL (U+0000), which PostgreSQL refuses, naming where it was written. */
export class NulInputError extends GraphQLError {
  constructor(
    readonly input: NulInput,
    lang: Lang,
  ) {
    const where = input.kind === 'variable' ? 'NUL_VARIABLE' : 'NUL_ARGUMENT';
    super(codeMessage('BAD_USER_INPUT', where, lang, { name: input.name }), {
      extensions: { code: 'BAD_USER_INPUT', [input.kind]: input.name, http: { status: 400 } },
    });
    this.name = 'NulInputError';
  }
}

/**
 * The error of the first text holding NUL, else of the first custom scalar value its subgraph
 * would refuse, in variables or literals, nested or not; undefined when there is none. The
 * plugin's check, and the prepared lane's (apollo/prepared-operations.ts).
 */
export function scalarInputError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  lang: Lang,
): GraphQLError | undefined {
  const [nul] = nulInputs(document, operation, variables);
  if (nul) return new NulInputError(nul, lang);
  const [first] = badScalarInputs(schema, document, operation, variables);
  if (first) return new BadScalarInputError(first, lang);
  return undefined;
}

/**
 * Refuses any text holding NUL (any String, ID or custom scalar value, in variables or literals,
 * nested or not), then checks every custom scalar value of an operation with the subgraphs' own rules once the
 * operation is resolved, before the query planner runs: a bad date is the caller's error,
 * answered in its language, and no subgraph is called.
 */
export function scalarInputPlugin<C extends { lang: Lang }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema, contextValue }) {
          if (!operation) return;
          const error = scalarInputError(schema, document, operation, request.variables ?? {}, contextValue.lang);
          if (error) throw error;
        },
      };
    },
  };
}
