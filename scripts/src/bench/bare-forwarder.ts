import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ANONYMOUS, bearerToken, signRequest, verifyAccessToken, type Identity } from '@maison/auth';
import { accessTokenSettings, readGatewayConfig, SubgraphFetch } from '@maison/gateway';

/**
 * `npm run bench:gateway -- --baseline bare`: the least a Node gateway does for a read one subgraph
 * answers, measured as "before" beside ours (docs/tuning.md, eighth round). It reads and parses the
 * body, verifies the bearer token once per token string, sends the client's own body, signed as
 * ours signs (`signRequest`), through our `SubgraphFetch` to the subgraph that resolves the
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
  const identities = new Map<string, Identity>();
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
  const identityOf = async (req: IncomingMessage): Promise<Identity> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) return ANONYMOUS;
    let identity = identities.get(token);
    if (!identity) identities.set(token, (identity = await verifyAccessToken(token, tokens)));
    return identity;
  };
  createServer((req, res) => {
    if (req.url === '/health') return void res.end('{"status":"ok"}');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString()) as {
            query: string;
            variables?: unknown;
            operationName?: string;
          };
          const body = JSON.stringify({ query, variables, operationName });
          const headers = { 'content-type': 'application/json', ...signRequest(config.signingSecret, await identityOf(req), 'fr', body) };
          const answer = await client.send(targetOf(query), { headers, body }, 5000);
          res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
        } catch (error) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
        }
      })();
    });
  }).listen(config.port, '127.0.0.1');
}

if (require.main === module) main();
