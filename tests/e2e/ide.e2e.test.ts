import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { admin, launchBrowser, screenshot, startGraph, tokenFor, type RunningGraph } from '@maison/testing';
import { readmeOperations } from '../../gateway/src/ide/readme-operations';
import { README_PATH } from '../../gateway/src/ide/routes';

/**
 * The gateway's IDE in a real headless Chromium, with no network but the gateway: every request to
 * another origin is refused and remembered, and the page must work without any. The page's own
 * Content-Security-Policy stays in force: what it stops before the network shows as a console
 * refusal, which fails the test as well.
 */
let graph: RunningGraph;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  browser = await launchBrowser(); // first: without Chromium, no graph is started for nothing
  graph = await startGraph();
  origin = new URL(graph.gatewayUrl).origin;
});
afterAll(async () => {
  await browser?.close();
  await graph?.stop();
});

interface WatchedPage {
  page: Page;
  /** Paths asked of the gateway. */
  gateway: string[];
  /** Everything asked of anyone else (refused). */
  elsewhere: string[];
  /** Uncaught errors, console errors and Content-Security-Policy refusals of the page. */
  problems: string[];
}

async function openWatched(): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block', locale: 'fr-CA' });
  const watched: Omit<WatchedPage, 'page'> = { gateway: [], elsewhere: [], problems: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      watched.gateway.push(url.pathname);
      return route.continue();
    }
    watched.elsewhere.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('websocket', (socket) => watched.elsewhere.push(socket.url()));
  page.on('pageerror', (error) => watched.problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) watched.problems.push(message.text());
  });
  await page.goto(graph.gatewayUrl);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.graphiql-tab').length === count,
    readmeOperations(readFileSync(README_PATH, 'utf8')).length,
  );
  return { page, ...watched };
}

/** The text Monaco shows in an editor of the page (only its visible lines), spaces collapsed. */
const editorText = async (page: Page, selector: string) => (await page.locator(`${selector} .view-lines`).first().innerText()).replace(/\s+/g, ' ');

/** Replaces what a Monaco editor holds, as one paste (typed brackets would be closed by the editor). */
async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** An operation the IDE sends to the gateway, and the gateway's answer. */
const operationSent = (page: Page, name: string) =>
  page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).origin === origin && (r.request().postData() ?? '').includes(name));

describe('the IDE in a browser with no network but the gateway', () => {
  it('loads from the gateway alone, shows the README operations as tabs, and runs the first one with its headers', async () => {
    const { page, gateway, elsewhere, problems } = await openWatched();
    const names = readmeOperations(readFileSync(README_PATH, 'utf8')).map((op) => op.name);
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(names);
    expect(await editorText(page, '.graphiql-query-editor')).toContain('query WhatsOn($from: LocalDate!, $to: LocalDate!) {');

    const sent = operationSent(page, 'WhatsOn');
    await page.locator('.graphiql-execute-button').click();
    const answer = await sent;
    expect(answer.request().headers()['accept-language']).toBe('en'); // the README's header line, from the header editor
    const body = await answer.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.calendar).toHaveLength(7);
    await page.waitForFunction(() => /"calendar"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''));
    expect(await editorText(page, '.graphiql-response')).toMatch(/"data": \{ "calendar": \[ \{ "date": "\d{4}-\d{2}-\d{2}"/);
    await screenshot(page, 'ide-readme-first-tab');

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    // The route saw the page's requests: the files of /ide/, Monaco's workers among them, and the operations.
    expect(gateway).toEqual(
      expect.arrayContaining([
        '/graphql',
        '/ide/graphiql.css',
        '/ide/monaco-environment.js',
        '/ide/graphiql.js',
        '/ide/boot.js',
        '/ide/workers/editor.js',
        '/ide/workers/json.js',
        '/ide/workers/graphql.js',
      ]),
    );
    await page.context().close();
  });

  it('runs what one types (Ctrl-Enter) with the Authorization one writes in the header editor', async () => {
    const { page, elsewhere, problems } = await openWatched();
    const token = tokenFor(admin);
    await replaceText(page, '.graphiql-query-editor .monaco-editor', 'query Locataires { tenants { slug } }');
    await page.getByRole('button', { name: 'Headers' }).click();
    await replaceText(page, '.graphiql-editor-tool .monaco-editor:visible', `{ "Authorization": "Bearer ${token}" }`);
    expect(await editorText(page, '.graphiql-editor-tool .monaco-editor:visible')).toBe(`{ "Authorization": "Bearer ${token}" }`);

    await page.locator('.graphiql-query-editor .monaco-editor').first().click();
    const sent = operationSent(page, 'Locataires');
    await page.keyboard.press('Control+Enter');
    const answer = await sent;
    expect(answer.request().headers().authorization).toBe(`Bearer ${token}`);
    const body = await answer.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.tenants.map((t: { slug: string }) => t.slug)).toContain('acupuncture');
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('acupuncture'));
    await screenshot(page, 'ide-typed-query-with-token');

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
