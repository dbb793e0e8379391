import { createHash } from 'node:crypto';
import { BOOT_JS, MONACO_ENVIRONMENT_JS } from './browser-scripts';

/** A file of the IDE, in memory. */
export interface IdeAsset {
  type: string;
  body: Buffer;
  /** A hash of the body, for ETag / If-None-Match. */
  etag: string;
}

export const asset = (type: string, body: Buffer): IdeAsset => ({ type, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` });

/** What @graphql-yoga/render-graphiql ships: GraphiQL 5, React and Monaco built into strings. */
interface YogaGraphiQLBundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

const JS = 'text/javascript; charset=utf-8';

function fromDataUrl(url: string): IdeAsset {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error('favicon of @graphql-yoga/render-graphiql is not a base64 data URL');
  return asset(match[1]!, Buffer.from(match[2]!, 'base64'));
}

let loaded: Map<string, IdeAsset> | undefined;

/**
 * The IDE's files by path, read from node_modules at the first request (about 9 MB: never loaded by
 * a production gateway, nor by one whose IDE nobody opens).
 */
export function ideAssets(): Map<string, IdeAsset> {
  if (loaded) return loaded;
  // A devDependency of the gateway, resolved through the package's "exports" (./graphiql → cjs/graphiql.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first IDE request only, never in production
  const bundle = require('@graphql-yoga/render-graphiql/graphiql') as YogaGraphiQLBundle;
  const text = (type: string, body: string) => asset(type, Buffer.from(body, 'utf8'));
  loaded = new Map([
    ['/ide/graphiql.js', text(JS, bundle.js)],
    ['/ide/graphiql.css', text('text/css; charset=utf-8', bundle.css)],
    ['/ide/favicon.ico', fromDataUrl(bundle.favicon)],
    ['/ide/monaco-environment.js', text(JS, MONACO_ENVIRONMENT_JS)],
    ['/ide/boot.js', text(JS, BOOT_JS)],
    ['/ide/workers/editor.js', text(JS, bundle.editorWorkerService)],
    ['/ide/workers/json.js', text(JS, bundle.jsonWorker)],
    ['/ide/workers/graphql.js', text(JS, bundle.graphqlWorker)],
  ]);
  return loaded;
}
