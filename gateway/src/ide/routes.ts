import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { todayInHouse } from '@maison/house';
import { asset, ideAssets, type IdeAsset } from './assets';
import { IDE_CONTENT_SECURITY_POLICY, idePage } from './page';
import { readmeOperations } from './readme-operations';
import { headersText, ideTabs } from './tabs';

/** Answers an IDE request and returns true, or returns false and leaves the request to the gateway. */
export type IdeRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

/** The repository's README.md, from gateway/src/ide or gateway/dist/ide alike. */
export const README_PATH = path.resolve(__dirname, '..', '..', '..', 'README.md');

/** A browser opening the endpoint (Accept: text/html…), not a GraphQL client. */
const wantsPage = (req: IncomingMessage) => /\btext\/html\b/.test(String(req.headers.accept ?? ''));

/**
 * A file, or 304 when the browser has it already (every file is revalidated: no stale IDE after an
 * upgrade). The policy goes with every file: Monaco's workers are held by it too.
 */
function send(req: IncomingMessage, res: ServerResponse, file: IdeAsset, headers: Record<string, string> = {}): void {
  const common = {
    etag: file.etag,
    'cache-control': 'no-cache',
    'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    ...headers,
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(200, { ...common, 'content-type': file.type, 'content-length': file.body.length });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** The page, with the README's operations as read now (an edited README shows at the next reload). */
function page(readmePath: string): IdeAsset {
  const tabs = ideTabs(readmeOperations(readFileSync(readmePath, 'utf8')), todayInHouse());
  const html = idePage({ title: 'La Maison · GraphiQL', endpoint: '/graphql', defaultTabs: tabs, defaultHeaders: headersText() });
  return asset('text/html; charset=utf-8', Buffer.from(html, 'utf8'));
}

/**
 * In development, GraphiQL: GET /graphql (or /) from a browser is the page, /ide/… its files, all
 * from node_modules. In production there is no IDE: these requests go on to the gateway, which
 * answers them as any other (Apollo's landing page is disabled, /ide/… is not found).
 */
export function ideRoutes(production: boolean, readmePath = README_PATH): IdeRoutes {
  if (production) return () => false;
  return (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if ((url.pathname === '/graphql' || url.pathname === '/') && wantsPage(req)) {
      send(req, res, page(readmePath), { 'cache-control': 'no-store', vary: 'accept' });
      return true;
    }
    const file = url.pathname.startsWith('/ide/') ? ideAssets().get(url.pathname) : undefined;
    if (!file) return false;
    send(req, res, file);
    return true;
  };
}
