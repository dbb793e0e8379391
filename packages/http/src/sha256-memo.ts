import { createHash as cryptoHash, type BinaryToTextEncoding, type Hash } from 'node:crypto';
import path from 'node:path';

/**
 * Apollo Server (the gateway's and each subgraph's) hashes the query text of every request (SHA-256,
 * to find its parsed document), and @apollo/gateway hashes that hash again with the operation name for every request (its plan cache
 * key). Both go through @apollo/utils.createhash, which also resolves `crypto` through the module
 * loader on each call: 3–4 % of the gateway's busy time for two values that only change when the
 * text does. Here SHA-256 of strings is remembered (bounded, newest kept), every other use passes
 * through to node:crypto unchanged.
 */
const MAX_ENTRIES = 2000;
/** Longer inputs are hashed every time: the memo holds its keys. */
const MAX_KEY_CHARS = 16_384;

const remembered = new Map<string, string>();

/** The key of a sequence of string updates: their lengths first, so no two sequences share one. */
const keyOf = (parts: string[]): string =>
  parts.length === 1 ? `${parts[0]!.length}:${parts[0]}` : `${parts.map((p) => p.length).join(',')}:${parts.join('')}`;

/** A Hash's update/digest for strings, answered from the memo; anything else becomes a real hash. */
class RememberedSha256 {
  private parts: string[] = [];
  private chars = 0;
  private real?: Hash;

  update(data: string | NodeJS.ArrayBufferView, encoding?: BufferEncoding): this {
    if (this.real) this.real.update(data as string, encoding as BufferEncoding);
    else if (typeof data === 'string' && (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8')) {
      this.parts.push(data);
      this.chars += data.length;
    } else {
      this.real = cryptoHash('sha256');
      for (const part of this.parts) this.real.update(part);
      this.real.update(data as string, encoding as BufferEncoding);
    }
    return this;
  }

  digest(): Buffer;
  digest(encoding: BinaryToTextEncoding): string;
  digest(encoding?: BinaryToTextEncoding): string | Buffer {
    if (this.real || encoding !== 'hex' || this.chars > MAX_KEY_CHARS) {
      const real = this.real ?? this.parts.reduce((hash, part) => hash.update(part), cryptoHash('sha256'));
      return encoding ? real.digest(encoding) : real.digest();
    }
    const key = keyOf(this.parts);
    let hex = remembered.get(key);
    if (hex === undefined) {
      hex = this.parts.reduce((hash, part) => hash.update(part), cryptoHash('sha256')).digest('hex');
      if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, hex);
    }
    return hex;
  }
}

export function rememberingCreateHash(kind: string): Hash | RememberedSha256 {
  return kind === 'sha256' ? new RememberedSha256() : cryptoHash(kind);
}

/** The copies of @apollo/utils.createhash that Apollo Server and (in the gateway) Apollo Gateway each load. */
export function createHashModules(): string[] {
  const files = ['@apollo/server', '@apollo/gateway'].flatMap((pkg) => {
    try {
      return [require.resolve('@apollo/utils.createhash', { paths: [path.dirname(require.resolve(pkg))] })];
    } catch {
      return []; // a subgraph has no gateway
    }
  });
  return [...new Set(files)];
}

let installed = false;

/** Puts the remembering createHash in each copy (once per process). */
export function installSha256Memo(): void {
  if (installed) return;
  for (const file of createHashModules()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(file) as { createHash: unknown }).createHash = rememberingCreateHash;
  }
  installed = true;
}

/** For tests: how many hashes are remembered. */
export const rememberedHashes = (): number => remembered.size;
