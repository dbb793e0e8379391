import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { encodeIdentity, HEADERS, signatureHeaders, verifyToken, ANONYMOUS, type Identity } from '@maison/auth';
import { DEV_JWT_SECRET, DEV_SIGNING_SECRET, negotiateLang } from '@maison/config';

/**
 * The peer of the benchmark: Hive Gateway (@graphql-hive/gateway-runtime, default settings) serving
 * the same supergraph over the same subgraphs. It verifies the caller's token and signs each
 * subgraph call exactly as our gateway does, since our subgraphs refuse anything unsigned.
 * Benchmark only: `node scripts/dist/bench/hive.js` with PORT and SUPERGRAPH_PATH.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime') as { createGatewayRuntime: (config: Record<string, unknown>) => any };

const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };

function identityOf(authorization: string | null): Identity {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  return token ? verifyToken(token, settings) : ANONYMOUS;
}

/** The caller of a client request, verified once per request (a request may cause several subgraph calls). */
const callers = new WeakMap<Request, { identity: string; lang: string }>();
function callerOf(request: Request | undefined): { identity: string; lang: string } {
  if (!request) return { identity: '', lang: 'fr' };
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
  plugins: () => [
    {
      onFetch({ options, setOptions, context }: { options: { body?: string; headers?: Record<string, string> }; setOptions(o: unknown): void; context: { request?: Request } }) {
        const { identity, lang } = callerOf(context.request);
        const body = typeof options.body === 'string' ? options.body : '';
        setOptions({
          ...options,
          headers: { ...options.headers, [HEADERS.identity]: identity, [HEADERS.lang]: lang, ...signatureHeaders(DEV_SIGNING_SECRET, identity, lang, body) },
        });
      },
    },
  ],
});

createServer(gateway).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('hive gateway ready\n'));
