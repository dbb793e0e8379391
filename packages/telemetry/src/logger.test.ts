import { runInNewContext } from 'node:vm';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { runInRequestContext } from './request-context';
import { createLogger } from './logger';

/** The JSON lines written to stdout while fn runs. */
async function linesOf(fn: () => unknown): Promise<Record<string, any>[]> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);
}

describe('the logger', () => {
  it('writes one JSON line per event: ISO time, level name, service, message, fields; below the level nothing', async () => {
    const log = createLogger('gateway', 'info');
    const lines = await linesOf(() => {
      log.debug('not written');
      log.info('request', { status: 200, path: '/graphql' });
    });
    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'info',
        service: 'gateway',
        pid: process.pid,
        status: 200,
        path: '/graphql',
        message: 'request',
      },
    ]);
  });

  it('puts the request id on every line logged while the request is served, and on none after', async () => {
    const log = createLogger('tenants', 'debug');
    const lines = await linesOf(async () => {
      await runInRequestContext({ requestId: 'req-1' }, async () => {
        log.debug('first');
        await new Promise((r) => setTimeout(r, 5));
        log.warn('after an await');
      });
      log.info('outside');
    });
    expect(lines.map((l) => [l.message, l.requestId])).toEqual([
      ['first', 'req-1'],
      ['after an await', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('puts the trace and span ids of the active span on the line (none without tracing)', async () => {
    const log = createLogger('gallery');
    const untraced = await linesOf(() => log.info('no tracer yet'));
    expect(untraced[0]).not.toHaveProperty('traceId');
    const provider = new NodeTracerProvider();
    provider.register();
    const tracer = provider.getTracer('test');
    let ids: { traceId: string; spanId: string } | undefined;
    const traced = await linesOf(() =>
      tracer.startActiveSpan('work', async (span) => {
        ids = span.spanContext();
        await new Promise((r) => setTimeout(r, 5));
        log.info('inside a span');
        span.end();
      }),
    );
    await provider.shutdown();
    expect(traced[0]).toMatchObject({ traceId: ids!.traceId, spanId: ids!.spanId });
  });

  it('writes errors as objects and never a secret: authorization, cookies, signatures, tokens, at any depth', async () => {
    const log = createLogger('gateway');
    const error = Object.assign(new Error('refused'), { code: 'E_REFUSED', headers: { authorization: 'Bearer abc.def', 'x-maison-signature': 'f00d' } });
    const [line] = await linesOf(() =>
      log.error('subgraph call failed', {
        error,
        request: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=1', 'x-maison-signature': 'beef', 'content-type': 'application/json' } },
        accessToken: 'abc.def',
        nested: { deeper: { signingSecret: 'xyz', kept: 1 } },
      }),
    );
    expect(line!.error).toMatchObject({ type: 'Error', message: 'refused', code: 'E_REFUSED', stack: expect.stringContaining('refused') });
    expect(line!.error.headers).toEqual({ authorization: '[redacted]', 'x-maison-signature': '[redacted]' });
    expect(line!.request.headers).toEqual({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-maison-signature': '[redacted]',
      'content-type': 'application/json',
    });
    expect(line!.accessToken).toBe('[redacted]');
    expect(line!.nested).toEqual({ deeper: { signingSecret: '[redacted]', kept: 1 } });
    expect(JSON.stringify(line)).not.toMatch(/abc\.def|beef|f00d|xyz|sid=1/);
  });

  it("writes errors of another realm and DOMExceptions as errors too (Node's own, a timeout)", async () => {
    const log = createLogger('gateway');
    const [line] = await linesOf(() =>
      log.warn('subgraph call failed', {
        error: new DOMException('no answer within 300 ms', 'TimeoutError'),
        other: runInNewContext('new TypeError("elsewhere")'),
      }),
    );
    expect(line!.error).toMatchObject({ type: 'TimeoutError', message: 'no answer within 300 ms', stack: expect.any(String) });
    expect(line!.other).toMatchObject({ type: 'TypeError', message: 'elsewhere', stack: expect.any(String) });
  });

  it('survives cycles and deep structures', async () => {
    const log = createLogger('gateway');
    const cycle: Record<string, unknown> = { name: 'a' };
    cycle.self = cycle;
    const [line] = await linesOf(() => log.info('cyclic', { cycle }));
    expect(line!.cycle.name).toBe('a');
    expect(JSON.stringify(line)).toContain('[…]');
  });
});
