import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** docs/front-end.md, as a front-end developer reads it. */
export const frontEndGuide = (): string => readFileSync(path.join(ROOT, 'docs', 'front-end.md'), 'utf8');

/**
 * The code block of the front-end guide named ```lang file=<name> or ```graphql operation=<name>:
 * the tests run exactly what the guide shows.
 */
export function guideBlock(name: string, guide = frontEndGuide()): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp('```\\w+ (?:file|operation)=' + escaped + '\\n([\\s\\S]*?)```').exec(guide);
  if (!match) throw new Error(`docs/front-end.md has no block ${name}`);
  return match[1]!;
}

/** Every ```graphql operation=<name> block of the guide, by name. */
export function guideOperations(guide = frontEndGuide()): Record<string, string> {
  return Object.fromEntries([...guide.matchAll(/```graphql operation=(\w+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));
}
