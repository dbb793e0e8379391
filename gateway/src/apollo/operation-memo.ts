import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
/* eslint-disable @typescript-eslint/no-require-imports */
// The module object @apollo/federation-internals re-exports through live getters: what is assigned
// here is what @apollo/gateway's `(0, federation_internals_1.operationFromDocument)(…)` calls.
const operations = require('@apollo/federation-internals/dist/operations') as {
  operationFromDocument: (schema: object, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => object;
};
/* eslint-enable @typescript-eslint/no-require-imports */

type OperationFromDocument = typeof operations.operationFromDocument;

/**
 * @apollo/gateway's executeQueryPlan rebuilds the federation Operation of the client's document on
 * every request (`operationFromDocument(apiSchema, { definitions: [operation, ...fragments] },
 * { validate: false })`), only to shape the answer: 3–4 % of the gateway's busy time on a write. The
 * document is the one Apollo Server parsed and cached for that query text, so its operation node is
 * the same object on every request of the text, and so is the Operation built from it. Built once
 * per (schema, operation node) here; anything else (the planner's own call, which validates) goes to
 * the original. An Operation is read-only once built (its selections are only read to shape answers).
 */
export function memoizedOperationFromDocument(original: OperationFromDocument): OperationFromDocument {
  const bySchema = new WeakMap<object, WeakMap<OperationDefinitionNode, object>>();
  const memoized: OperationFromDocument = (schema, document, options) => {
    const [first] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== Kind.OPERATION_DEFINITION) {
      return original(schema, document, options);
    }
    let built = bySchema.get(schema);
    if (!built) bySchema.set(schema, (built = new WeakMap()));
    let operation = built.get(first);
    if (!operation) built.set(first, (operation = original(schema, document, options)));
    return operation;
  };
  return Object.assign(memoized, { original });
}

let installed = false;

/** Puts the memoized builder where @apollo/gateway looks it up (once per process). */
export function installOperationMemo(): void {
  if (installed) return;
  operations.operationFromDocument = memoizedOperationFromDocument(operations.operationFromDocument);
  installed = true;
}
