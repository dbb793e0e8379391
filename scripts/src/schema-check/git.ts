import { spawnSync } from 'node:child_process';

/** Runs git in a directory; null when git fails (or is missing), with nothing printed. */
export function git(cwd: string, args: string[]): string | null {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** The full id of a commit, or null when the revision names none here. */
export const commitOf = (cwd: string, rev: string): string | null => git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])?.trim() ?? null;

/** A file as it is in a commit (path relative to cwd), or null when the commit has no such file. */
export const fileAt = (cwd: string, rev: string, file: string): string | null => git(cwd, ['show', `${rev}:./${file}`]);

export const isShallow = (cwd: string): boolean => git(cwd, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';

export const isGitCheckout = (cwd: string): boolean => git(cwd, ['rev-parse', '--is-inside-work-tree'])?.trim() === 'true';
