import type { IdeTab } from './tabs';

/** What the page hands to renderYogaGraphiQL (a subset of graphql-yoga's GraphiQLOptions). */
export interface IdeOptions {
  title: string;
  endpoint: string;
  defaultTabs: IdeTab[];
  /** The header editor of a new tab. */
  defaultHeaders: string;
}

/**
 * Everything from the gateway itself: the browser may fetch, run, style with and connect to
 * nothing else. Monaco adds <style> elements, hence 'unsafe-inline' for styles only.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON that cannot end the <script> element it sits in. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The IDE's HTML page: GraphiQL from the gateway's /ide/ files, options as inert JSON. */
export function idePage(options: IdeOptions): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title}</title>
    <link rel="icon" href="/ide/favicon.ico" />
    <link rel="stylesheet" href="/ide/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>L’IDE GraphQL de La Maison a besoin de JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="ide-options">${scriptJson(options)}</script>
    <script src="/ide/monaco-environment.js"></script>
    <script src="/ide/graphiql.js"></script>
    <script src="/ide/boot.js"></script>
  </body>
</html>
`;
}
