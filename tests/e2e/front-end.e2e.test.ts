import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createGateway, readGatewayConfig } from '@maison/gateway';
import { addDays, todayInHouse } from '@maison/house';
import { asTenant, guideBlock, guideOperations, launchBrowser, screenshot, startGraph, tokenFor, type RunningGraph } from '@maison/testing';

/**
 * A front end on its own origin, in a real headless Chromium against the real graph: a page served
 * here on http://localhost:<port> (the gateway is on http://127.0.0.1:<other port>) uses the fetch
 * client and the operations of docs/front-end.md, through CORS. It loads the month view (42 days),
 * signs in with a development token, books the kitchen, sees the booking in the calendar, and gets
 * a clear userErrors answer for the taken slot. Screenshots go to test-results/.
 */
const PAGE_DIR = path.join(__dirname, 'front-end-page');
const TITLE = `Atelier navigateur ${randomBytes(3).toString('hex')}`;
const today = todayInHouse();
const day = addDays(today, 2);

let graph: RunningGraph;
let browser: Browser;
let pageServer: Server;
let pageOrigin: string;

/** The test page: its HTML and app, the guide's client and its operations, nothing from elsewhere. */
function servePage(): Promise<Server> {
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8') },
    '/app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(path.join(PAGE_DIR, 'app.js'), 'utf8') },
    '/maison-client.js': { type: 'text/javascript; charset=utf-8', body: guideBlock('maison-client.js') },
    '/operations.json': { type: 'application/json', body: JSON.stringify(guideOperations()) },
  };
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = files[pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  graph = await startGraph();
  pageServer = await servePage();
  pageOrigin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pageServer?.close(resolve));
  await graph?.stop();
});

/** A page of the app, with every request it makes and every console error it logs. */
async function openApp(): Promise<{ page: Page; requests: string[]; failures: string[]; consoleErrors: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const failures: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on('requestfailed', (request) => failures.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  const query = new URLSearchParams({ gateway: graph.gatewayUrl, today, title: TITLE });
  await page.goto(`${pageOrigin}/?${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, requests, failures, consoleErrors };
}

describe('a browser front end on another origin', () => {
  it('loads the month view, signs in, books the kitchen, sees its booking, and is told clearly when the slot is taken', async () => {
    const { page, requests, failures, consoleErrors } = await openApp();
    try {
      // The month view, anonymous: 42 days through CORS (a preflight, then the POST).
      await page.click('#load-month');
      await page.waitForSelector('#month-status.ok', { timeout: 15_000 });
      expect(await page.textContent('#month-status')).toBe('42 jours chargés');
      expect(await page.locator('.day').count()).toBe(42);
      expect(await page.locator('.day', { hasText: 'Expo : ' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'front-end-1-month-view');

      // Signing in with a development token.
      await page.fill('#token', tokenFor(asTenant('acupuncture')));
      await page.click('#sign-in');
      await page.waitForSelector('#who.ok');
      expect(await page.textContent('#who')).toMatch(/^Connecté : TENANT — /);

      // The kitchen's free slots on a day, then a booking of the first one.
      await page.fill('#day', day);
      await page.click('#load-slots');
      await page.waitForSelector('#slots.ok');
      await page.click('#book');
      await page.waitForSelector('#booking.ok');
      expect(await page.textContent('#booking')).toMatch(new RegExp(`^Réservé : ${TITLE} \\(`));

      // The booking shows in the calendar, on its day.
      await page.click('#load-month');
      await page.waitForFunction(([date, title]) => document.querySelector(`.day[data-date="${date}"]`)?.textContent?.includes(title!), [day, TITLE] as const, {
        timeout: 15_000,
      });
      await screenshot(page, 'front-end-2-booked');

      // The same slot again: a userErrors answer the page can show as it is, in French.
      await page.click('#book-again');
      await page.waitForSelector('#booking.error');
      expect(await page.textContent('#booking')).toMatch(/^SLOT_UNAVAILABLE — \S/);
      await screenshot(page, 'front-end-3-slot-taken');

      // The guide's pagination: every page of exhibitions, two at a time, by endCursor.
      const pages = await page.evaluate(async () => {
        type Page = {
          data: { exhibitions: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
          errors?: unknown;
        };
        const call = (window as unknown as { app: { call(name: string, variables: object): Promise<Page> } }).app.call;
        const seen: Page[] = [];
        let after: string | null = null;
        do {
          const answer: Page = await call('ExhibitionsPage', after ? { after } : {});
          seen.push(answer);
          after = answer.data.exhibitions.pageInfo.hasNextPage ? answer.data.exhibitions.pageInfo.endCursor : null;
        } while (after && seen.length < 20);
        return seen;
      });
      expect(pages.every((p) => p.errors === undefined && p.data.exhibitions.nodes.length <= 2)).toBe(true);
      const ids = pages.flatMap((p) => p.data.exhibitions.nodes.map((n) => n.id));
      expect(pages.length).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(pages[0]!.data.exhibitions.totalCount);
      expect(ids).toHaveLength(pages[0]!.data.exhibitions.totalCount);

      const origin = new URL(graph.gatewayUrl).origin;
      expect(requests.filter((r) => r.startsWith('POST ') && r.includes(origin)).length).toBeGreaterThanOrEqual(6);
      expect(requests.every((r) => r.includes(origin) || r.includes(pageOrigin))).toBe(true);
      expect(failures).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is refused by the browser when its origin is not allowed: no CORS header, the page reads nothing', async () => {
    const gateway = await createGateway(
      readGatewayConfig({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'warn',
        CORS_ORIGINS: 'https://app.la-maison.example',
        TENANTS_URL: graph.subgraphUrls.tenants,
        COWORKING_URL: graph.subgraphUrls.coworking,
        GALLERY_URL: graph.subgraphUrls.gallery,
      }),
    );
    const strict = { gatewayUrl: (await gateway.listen()).url };
    const page = await browser.newPage();
    try {
      await page.goto(`${pageOrigin}/?${new URLSearchParams({ gateway: strict.gatewayUrl, today, title: TITLE })}`);
      await page.waitForSelector('body[data-ready="true"]');
      const outcome = await page.evaluate(async (url) => {
        try {
          await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
          return 'read';
        } catch (error) {
          return (error as Error).name;
        }
      }, strict.gatewayUrl);
      expect(outcome).toBe('TypeError');
      // The gateway itself answered normally: it is the browser that keeps the answer from the page.
      const preflight = await fetch(strict.gatewayUrl, { method: 'OPTIONS', headers: { origin: pageOrigin, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await page.close();
      await gateway.close();
    }
  });
});
