/**
 * Acknowledgements of breaking changes in schema/CHANGELOG.md: one list item per change, naming
 * its coordinate in backticks, then the change type the check prints, then why:
 *
 *   - `Query.oldField` FIELD_REMOVED: replaced by Query.newField since 2026-03; no client uses it.
 *
 * Only top-level items count (not indented, not inside a ``` block, where examples live), and a
 * line without a reason after the colon (or with the suggested `<why…>` left in) acknowledges nothing.
 */
const ACKNOWLEDGEMENT = /^[-*]\s+`([^`\s]+)`\s+([A-Z][A-Z0-9_]*)\s*:\s*[^\s<]/;
const FENCE = /^\s*(```|~~~)/;

export interface Acknowledgement {
  coordinate: string;
  type: string;
}

export function acknowledgementsIn(changelog: string): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  let inCode = false;
  for (const line of changelog.split(/\r?\n/)) {
    if (FENCE.test(line)) inCode = !inCode;
    const match = inCode ? null : ACKNOWLEDGEMENT.exec(line);
    if (match) found.push({ coordinate: match[1]!, type: match[2]! });
  }
  return found;
}

/** The changelog line that acknowledges a change, as the check suggests it. */
export const acknowledgementLine = (coordinate: string, type: string) => `- \`${coordinate}\` ${type}: <why, and what clients do instead>`;
