import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { SubgraphAnswer } from './subgraph-fetch';

/**
 * One call, as undici's dispatch handler: collects the answer and settles once, at its deadline at
 * the latest. Its client is given back when undici is done with the request (answered or failed).
 */
export class Call implements Dispatcher.DispatchHandler {
  timer: NodeJS.Timeout | undefined;
  private abort: ((error: Error) => void) | undefined;
  private expired: Error | undefined;
  private settled = false;
  private released = false;
  private status = 0;
  private statusText = '';
  private headers: IncomingHttpHeaders = {};
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly resolve: (answer: SubgraphAnswer) => void,
    private readonly reject: (error: unknown) => void,
    private readonly giveBack: () => void,
  ) {}

  /** The deadline: the socket goes (undici's abort destroys it), or the call is never sent if it has none yet. */
  expire(timeoutMs: number): void {
    const error = new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError');
    this.expired = error;
    this.fail(error);
    this.abort?.(error);
  }

  onConnect(abort: (error?: Error) => void): void {
    if (this.expired) abort(this.expired);
    else this.abort = abort;
  }

  onHeaders(status: number, raw: Buffer[], _resume: () => void, statusText: string): boolean {
    this.status = status;
    this.statusText = statusText;
    this.headers = headerObject(raw);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.release();
    if (!this.settle()) return;
    const { chunks } = this;
    const body = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
    this.resolve({ status: this.status, statusText: this.statusText, headers: this.headers, body });
  }

  onError(error: Error): void {
    this.release();
    this.fail(error);
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.giveBack();
  }

  private fail(error: Error): void {
    if (this.settle()) this.reject(this.expired ?? error);
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }
}

/** Raw header pairs as node:http's headers: lower-case names, a repeated header joined with ", " (set-cookie listed). */
function headerObject(raw: Buffer[]): IncomingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const seen = headers[name];
    if (seen === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
    else if (Array.isArray(seen)) seen.push(value);
    else headers[name] = `${seen}, ${value}`;
  }
  return headers;
}
