import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clientSchemaOf } from '../client-schema';
import { CLIENT_SCHEMA_FILE, SUPERGRAPH_FILE } from '../services';
import { commitOf, fileAt, isGitCheckout, isShallow } from './git';

/** The version of the client schema the working tree is compared with. */
export type Base =
  /** A previous version: the file at that commit, or the API schema of that commit's supergraph. */
  | { kind: 'found'; rev: string; commit: string; why: string; sdl: string; from: 'client schema' | 'supergraph' }
  /** Nothing came before: no client could rely on an earlier schema. */
  | { kind: 'none'; why: string }
  /** A previous version may exist but cannot be read here: the check cannot vouch for anything. */
  | { kind: 'unknown'; why: string };

const short = (commit: string) => commit.slice(0, 10);

/**
 * Picks the base: `explicit` when given (a revision, e.g. origin/main); else HEAD when the working
 * tree's schema/client.graphql differs from HEAD's (uncommitted work is checked against the last
 * commit); else HEAD~1 (the last commit is checked against its parent, as CI sees a push to main).
 */
export function findBase(root: string, explicit?: string): Base {
  if (!isGitCheckout(root)) return { kind: 'unknown', why: `${root} is not a git checkout (or git is missing)` };
  if (explicit) {
    const commit = commitOf(root, explicit);
    if (!commit) return { kind: 'unknown', why: `the base ${explicit} names no commit of this clone` };
    return readBase(root, explicit, commit, `the base asked for (${explicit})`);
  }
  const head = commitOf(root, 'HEAD');
  if (!head) return { kind: 'none', why: 'the repository has no commit yet' };
  const current = path.join(root, CLIENT_SCHEMA_FILE);
  const working = existsSync(current) ? readFileSync(current, 'utf8') : null;
  if (working !== fileAt(root, head, CLIENT_SCHEMA_FILE)) {
    return readBase(root, 'HEAD', head, `the working tree's ${CLIENT_SCHEMA_FILE} differs from the last commit's`);
  }
  const parent = commitOf(root, 'HEAD~1');
  if (!parent) {
    return isShallow(root)
      ? { kind: 'unknown', why: `HEAD~1 is not in this shallow clone: fetch it (git fetch --deepen=1) or name a base (SCHEMA_BASE)` }
      : { kind: 'none', why: `HEAD (${short(head)}) is the first commit of the repository` };
  }
  return readBase(root, 'HEAD~1', parent, `the working tree's ${CLIENT_SCHEMA_FILE} is the last commit's, so that commit is checked against its parent`);
}

/** The client schema at a commit; before the file existed, the API schema of that commit's supergraph. */
function readBase(root: string, rev: string, commit: string, why: string): Base {
  const sdl = fileAt(root, commit, CLIENT_SCHEMA_FILE);
  if (sdl !== null) return { kind: 'found', rev, commit, why, sdl, from: 'client schema' };
  const supergraph = fileAt(root, commit, SUPERGRAPH_FILE);
  if (supergraph !== null) return { kind: 'found', rev, commit, why, sdl: clientSchemaOf(supergraph), from: 'supergraph' };
  return { kind: 'none', why: `${rev} (${short(commit)}) has neither ${CLIENT_SCHEMA_FILE} nor ${SUPERGRAPH_FILE}` };
}
