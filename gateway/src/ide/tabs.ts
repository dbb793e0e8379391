import { toComingWeek } from './coming-week';
import type { ReadmeOperation } from './readme-operations';

/** A tab as GraphiQL's `defaultTabs` takes it; variables and headers are JSON with comments. */
export interface IdeTab {
  query: string;
  variables?: string;
  headers: string;
}

const TOKEN_COMMAND = /npm run -s token -- [^)\n]+/;

/**
 * The header editor of a tab: Accept-Language set (fr, the house's language, unless the README
 * says otherwise), Authorization as a commented example with the token command of the operation's
 * README comment when it has one.
 */
export function headersText(acceptLanguage = 'fr', tokenCommand = 'npm run -s token -- --role ADMIN'): string {
  return [
    '{',
    '  // Langue des réponses et des messages : fr (par défaut) ou en',
    `  "Accept-Language": ${JSON.stringify(acceptLanguage)},`,
    `  // Pour agir en tant que quelqu’un, un jeton de développement (${tokenCommand}) :`,
    '  // "Authorization": "Bearer <jeton>",',
    '}',
  ].join('\n');
}

/** One tab per README operation, with its variables moved to the coming week. */
export function ideTabs(operations: ReadmeOperation[], today: string): IdeTab[] {
  return operations.map((op) => ({
    query: op.document,
    ...(op.variables && { variables: JSON.stringify(toComingWeek(op.variables, today), null, 2) }),
    headers: headersText(op.acceptLanguage, TOKEN_COMMAND.exec(op.document)?.[0].trim()),
  }));
}
