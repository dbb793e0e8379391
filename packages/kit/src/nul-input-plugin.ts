import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import { nulInputs } from '@maison/house';

/**
 * Refuses an operation with a text holding NUL (U+0000) in any argument or variable, before any
 * resolver runs: PostgreSQL refuses NUL in text, so it would be an internal error. The gateway
 * refuses it first (HTTP 400); this keeps a subgraph called directly, with a signature, as safe.
 */
export function nulInputPlugin<C extends BaseContext & { lang: Lang }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, contextValue }) {
          if (!operation) return;
          const [nul] = nulInputs(document, operation, request.variables ?? {});
          if (!nul) return;
          const where = nul.kind === 'variable' ? 'NUL_VARIABLE' : 'NUL_ARGUMENT';
          throw new GraphQLError(codeMessage('BAD_USER_INPUT', where, contextValue.lang, { name: nul.name }), {
            extensions: { code: 'BAD_USER_INPUT', [nul.kind]: nul.name, http: { status: 400 } },
          });
        },
      };
    },
  };
}
