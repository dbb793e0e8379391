import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { encodeIdentity, HEADERS, signatureHeaders, verifyToken, ANONYMOUS, type Identity } from '@maison/auth';
import { DEV_JWT_SECRET, DEV_SIGNING_SECRET, negotiateLang } from '@maison/config';

/**
 * The peers of the benchmark: Hive Gateway (@graphql-hive/gateway-runtime, default settings) serving
 * the same supergraph over the same subgraphs, with its JavaScript query planner or, with
 * `--planner rust`, with Hive Router's Rust query planner (@graphql-hive/router-runtime's
 * unifiedGraphHandler). It verifies the caller's token and signs each subgraph call exactly as our
 * gateway does, since our subgraphs refuse anything unsigned.
 * Benchmark only: `node scripts/dist/bench/hive.js` with PORT and SUPERGRAPH_PATH, and `--planner rust` or `--planner javascript`.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as { createGatewayRuntime: (config: Record<string, unknown>) => any };
const rustPlanner = process.argv.includes('--planner') && process.argv[process.argv.indexOf('--planner') + 1] === 'rust';
const unifiedGraphHandler = rustPlanner ? (require('@graphql-hive/router-runtime') as { unifiedGraphHandler: unknown }).unifiedGraphHandler : undefined;
/* eslint-enable @typescript-eslint/no-require-imports */

const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };

function identityOf(authorization: string | null): Identity {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  return token ? verifyToken(token, settings) : ANONYMOUS;
}

/** The caller of a client request, verified once per request (a request may cause several subgraph calls). */
const callers = new WeakMap<Request, { identity: string; lang: string }>();
function callerOf(request: Request): { identity: string; lang: string } {
  let caller = callers.get(request);
  if (!caller) {
    caller = { identity: encodeIdentity(identityOf(request.headers.get('authorization'))), lang: negotiateLang(request.headers.get('accept-language')) };
    callers.set(request, caller);
  }
  return caller;
}

const gateway = createGatewayRuntime({
  supergraph: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
  logging: false,
  ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
  // The caller's identity and language travel to the subgraphs as headers, as in our gateway.
  // Headers propagated this way are part of the key under which Hive shares an in-flight
  // subgraph call, so concurrent calls of different callers are not merged into one.
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }: { request: Request }) => {
      const { identity, lang } = callerOf(request);
      return { [HEADERS.identity]: identity, [HEADERS.lang]: lang };
    },
  },
  plugins: () => [
    {
      // The signature covers the exact body bytes, so it is added last, on the outgoing call.
      onFetch({ options, setOptions }: { options: { body?: string; headers?: Record<string, string> }; setOptions(o: unknown): void }) {
        const headers = options.headers ?? {};
        const body = typeof options.body === 'string' ? options.body : '';
        const identity = headers[HEADERS.identity] ?? '';
        const lang = headers[HEADERS.lang] ?? 'fr';
        setOptions({ ...options, headers: { ...headers, ...signatureHeaders(DEV_SIGNING_SECRET, identity, lang, body) } });
      },
    },
  ],
});

const server = createServer(gateway).listen(Number(process.env.PORT), '127.0.0.1', () =>
  process.stdout.write(`hive gateway ready (${rustPlanner ? 'Rust' : 'JavaScript'} planner)\n`),
);
// The benchmark stops this process with SIGTERM; Hive's runtime keeps the event loop alive otherwise.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
