import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { signRequest } from '@maison/auth';
import { accessTokenSettings, identify, readGatewayConfig, SubgraphFetch, VerifiedTokens } from '@maison/gateway';
import { parseGraphQLBody, readBody } from '@maison/http';

/**
 * `npm run bench:gateway -- --baseline bare`: the least a Node gateway does for a read one subgraph
 * answers, measured as "before" beside ours (docs/tuning.md, eighth round), built of our gateway's
 * own pieces: it reads and parses the body (`readBody`, `parseGraphQLBody`), identifies the caller
 * (`identify`, its verified tokens remembered), sends the client's own body, signed as ours signs
 * (`signRequest`), through our `SubgraphFetch` to the subgraph that resolves the
 * operation's first root field (from the supergraph's `@join__field`), and writes the subgraph's
 * text back. No validation, plan, limits, metrics or error handling: a floor for measurements, not
 * a gateway. It reads the gateway's own configuration. The harness runs it on the scenarios one
 * subgraph answers.
 */

/** Root field → the subgraph URL that resolves it, for Query and Mutation, read from the supergraph. */
export function rootFieldUrls(supergraph: DocumentNode, urls: Record<string, string | undefined>): Map<string, string> {
  const routes = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || !['Query', 'Mutation'].includes(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      const url = graph?.kind === Kind.ENUM ? urls[graph.value] : undefined;
      if (url) routes.set(`${definition.name.value}.${field.name.value}`, url);
    }
  }
  return routes;
}

function main(): void {
  const config = readGatewayConfig();
  const routes = rootFieldUrls(parse(readFileSync(config.supergraphPath, 'utf8')), {
    TENANTS: config.tenantsUrl,
    COWORKING: config.coworkingUrl,
    GALLERY: config.galleryUrl,
  });
  const tokens = accessTokenSettings(config);
  const client = new SubgraphFetch();
  const verified = new VerifiedTokens();
  const targets = new Map<string, string>();
  const targetOf = (query: string): string => {
    let url = targets.get(query);
    if (url === undefined) {
      const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const first = operation.selectionSet.selections[0];
      const root = operation.operation === 'mutation' ? 'Mutation' : 'Query';
      url = first?.kind === Kind.FIELD ? routes.get(`${root}.${first.name.value}`) : undefined;
      if (!url) throw new Error('no single subgraph answers this operation');
      targets.set(query, url);
    }
    return url;
  };
  createServer((req, res) => {
    if (req.url === '/health') return void res.end('{"status":"ok"}');
    void (async () => {
      try {
        const { query, variables, operationName } = parseGraphQLBody(req, await readBody(req, config.bodyLimitBytes)) as {
          query: string;
          variables?: unknown;
          operationName?: string;
        };
        const who = await identify(req, tokens, 'fr', verified);
        if (!who.identity) throw who.error;
        const body = JSON.stringify({ query, variables, operationName });
        const headers = { 'content-type': 'application/json', ...signRequest(config.signingSecret, who.identity, 'fr', body) };
        const answer = await client.send(targetOf(query), { headers, body }, 5000);
        res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
      }
    })();
  }).listen(config.port, '127.0.0.1');
}

if (require.main === module) main();
