import { textFault } from '@maison/house';

/**
 * Whether a text is a URL of one of `protocols` ('https:' by default) with a host, as stored: at
 * most 2000 characters and no control character. The URL is stored as given, not as the URL parser
 * reads it (it percent-encodes these): PostgreSQL refuses NUL in text. It begins with the protocol
 * in lower case, as the CHECK constraints read it.
 */
export function isWebUrl(value: string, protocols: readonly string[] = ['https:']): boolean {
  if (value.length > 2000 || textFault(value) !== null) return false;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0 && value.startsWith(`${url.protocol}//`);
  } catch {
    return false;
  }
}
