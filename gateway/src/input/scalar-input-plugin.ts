import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { codeMessage } from '@maison/errors';
import { currentLang } from '../request-scope';
import { badScalarInputs, type BadScalarInput } from './scalar-inputs';

/** BAD_USER_INPUT (HTTP 400) for a value a custom scalar refuses, naming where it was written. */
export class BadScalarInputError extends GraphQLError {
  constructor(readonly input: BadScalarInput) {
    const lang = currentLang();
    const where = input.kind === 'variable' ? 'SCALAR_VARIABLE' : 'SCALAR_ARGUMENT';
    super(codeMessage('BAD_USER_INPUT', where, lang, { name: input.name, scalar: input.scalar, problem: input.problem[lang] }), {
      extensions: { code: 'BAD_USER_INPUT', [input.kind]: input.name, scalar: input.scalar, http: { status: 400 } },
    });
    this.name = 'BadScalarInputError';
  }
}

/**
 * Checks every custom scalar value of an operation with the subgraphs' own rules once the
 * operation is resolved, before the query planner runs: a bad date is the caller's error,
 * answered in its language, and no subgraph is called.
 */
export function scalarInputPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema }) {
          if (!operation) return;
          const [first] = badScalarInputs(schema, document, operation, request.variables ?? {});
          if (first) throw new BadScalarInputError(first);
        },
      };
    },
  };
}
