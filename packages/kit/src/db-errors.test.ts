import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { createDataSource } from './database';
import { databaseUnavailableAnswer, RelayedDatabaseOutage } from './database-unavailable';
import { databaseUnavailableReason, pgCode, transactionWithRetry } from './db-errors';
import { ServiceClient } from './service-client';

/** A DataSource whose transactions fail with the given SQLSTATEs, then succeed. */
function flakyDataSource(failures: string[]) {
  let calls = 0;
  const ds = {
    transaction: async (fn: (m: unknown) => Promise<unknown>) => {
      calls += 1;
      const code = failures.shift();
      if (code) throw Object.assign(new Error(`failed with ${code}`), { driverError: { code } });
      return fn({});
    },
  } as unknown as DataSource;
  return { ds, calls: () => calls };
}

describe('transactionWithRetry', () => {
  it('retries serialization failures a bounded number of times', async () => {
    const { ds, calls } = flakyDataSource(['40001', '40001']);
    await expect(transactionWithRetry(ds, async () => 'done')).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('gives up after the last attempt', async () => {
    const { ds, calls } = flakyDataSource(['40001', '40001', '40001', '40001']);
    await expect(transactionWithRetry(ds, async () => 'done')).rejects.toThrow('failed with 40001');
    expect(calls()).toBe(3);
  });

  it('does not retry other errors, such as an exclusion violation', async () => {
    const { ds, calls } = flakyDataSource(['23P01']);
    const error = await transactionWithRetry(ds, async () => 'done').catch((e: unknown) => e);
    expect(pgCode(error)).toBe('23P01');
    expect(calls()).toBe(1);
  });
});

describe('databaseUnavailableReason: what a connection-level failure is', () => {
  /** A DatabaseError as pg-protocol's parser builds it from a server's ErrorResponse. */
  const serverError = (code: string, message: string, severity = 'FATAL') =>
    Object.assign(new DatabaseError(message, 100, 'error'), { severity, code, file: 'postgres.c', routine: 'ProcessInterrupts' });
  /** A socket error as Node's net module builds it. */
  const socketError = (code: string, syscall: string, message: string) => Object.assign(new Error(message), { errno: -1, code, syscall });
  /** A free port: nothing listens there once this returns. */
  const closedPort = () =>
    new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });

  it('reads a real refused connection, from pg and through TypeORM, as CONNECTION_REFUSED', async () => {
    const port = await closedPort();
    const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    const refused = await client.connect().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', syscall: 'connect' });
    expect(databaseUnavailableReason(refused)).toBe('CONNECTION_REFUSED');

    const ds = createDataSource({ url: `postgres://x@127.0.0.1:${port}/x`, entities: [] });
    const throughTypeorm = await ds.initialize().catch((e: unknown) => e);
    expect(databaseUnavailableReason(throughTypeorm)).toBe('CONNECTION_REFUSED');
    // As Apollo hands it to formatError: a GraphQLError whose originalError is the driver's.
    expect(databaseUnavailableReason(new GraphQLError('connect ECONNREFUSED', { originalError: throughTypeorm as Error }))).toBe('CONNECTION_REFUSED');
  });

  it('reads the server’s refusals and shutdowns by SQLSTATE, bare or wrapped by TypeORM', () => {
    const startingUp = serverError('57P03', 'the database system is starting up');
    expect(databaseUnavailableReason(startingUp)).toBe('CONNECTION_REFUSED');
    expect(databaseUnavailableReason(serverError('53300', 'sorry, too many clients already'))).toBe('CONNECTION_REFUSED');
    const shutdown = new QueryFailedError('SELECT 1', [], serverError('57P01', 'terminating connection due to administrator command'));
    expect(databaseUnavailableReason(shutdown)).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(serverError('57P02', 'terminating connection because of crash of another server process'))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(serverError('08006', 'connection failure'))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(serverError('08001', 'could not establish connection'))).toBe('CONNECTION_REFUSED');
  });

  it('reads the driver’s socket errors and its uncoded connection errors', () => {
    expect(databaseUnavailableReason(socketError('ECONNRESET', 'read', 'read ECONNRESET'))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(socketError('ETIMEDOUT', 'connect', 'connect ETIMEDOUT 10.0.0.5:5432'))).toBe('TIMEOUT');
    expect(databaseUnavailableReason(socketError('ETIMEDOUT', 'read', 'read ETIMEDOUT'))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(socketError('ENOTFOUND', 'getaddrinfo', 'getaddrinfo ENOTFOUND db'))).toBe('CONNECTION_REFUSED');
    expect(databaseUnavailableReason(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(new Error('Client has encountered a connection error and is not queryable'))).toBe('CONNECTION_LOST');
    expect(databaseUnavailableReason(new Error('timeout exceeded when trying to connect'))).toBe('TIMEOUT');
    const connectTimeout = new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') });
    expect(databaseUnavailableReason(connectTimeout)).toBe('TIMEOUT');
  });

  it('leaves every other error alone: constraints, SQL mistakes, the house’s own errors', () => {
    expect(databaseUnavailableReason(new QueryFailedError('INSERT', [], serverError('23505', 'duplicate key value', 'ERROR')))).toBeUndefined();
    expect(databaseUnavailableReason(serverError('42601', 'syntax error at or near "SELEC"', 'ERROR'))).toBeUndefined();
    expect(databaseUnavailableReason(serverError('40001', 'could not serialize access', 'ERROR'))).toBeUndefined();
    expect(databaseUnavailableReason(new GraphQLError('Action non permise.', { extensions: { code: 'FORBIDDEN' } }))).toBeUndefined();
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly, or so they say'))).toBeUndefined();
    expect(databaseUnavailableReason(undefined)).toBeUndefined();
  });
});

describe('databaseUnavailableAnswer: what the client reads', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', syscall: 'connect', address: '10.0.0.5', port: 5432 });
  const formatted = {
    message: 'connect ECONNREFUSED 10.0.0.5:5432',
    locations: [{ line: 1, column: 3 }],
    path: ['tenants'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: connect ECONNREFUSED 10.0.0.5:5432', '    at TCPConnectWrap…'] },
  };

  it('is DATABASE_UNAVAILABLE with the subgraph and the reason, in French or English, without the driver’s words', () => {
    const fr = databaseUnavailableAnswer(formatted, new GraphQLError(formatted.message, { originalError: refused }), 'tenants', 'fr');
    expect(fr).toEqual({
      reason: 'CONNECTION_REFUSED',
      answer: {
        message: 'La base de données du service « tenants » est indisponible ; ses données manquent dans cette réponse. Réessayez dans un instant.',
        locations: [{ line: 1, column: 3 }],
        path: ['tenants'],
        extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason: 'CONNECTION_REFUSED' },
      },
    });
    const en = databaseUnavailableAnswer(formatted, refused, 'tenants', 'en')!.answer;
    expect(en.message).toBe('The database of the tenants service is unavailable; its data is missing from this response. Try again in a moment.');
    expect(JSON.stringify([fr, en])).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|5432|stacktrace/);
  });

  it('is nothing for any other error (the usual masking applies)', () => {
    expect(databaseUnavailableAnswer(formatted, new Error('relation "x" does not exist'), 'tenants', 'fr')).toBeUndefined();
  });
});

describe('a database outage another subgraph answered to a service call', () => {
  /** A subgraph's /graphql that answers every call with these errors, as createSubgraph would. */
  async function answering(errors: unknown[]): Promise<{ url: string; close: () => void }> {
    const server = createHttpServer((req, res) => {
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: null, errors })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => server.close() };
  }
  const coworkingDown = {
    message: 'La base de données du service « coworking » est indisponible ; ses données manquent dans cette réponse. Réessayez dans un instant.',
    path: ['_entities'],
    extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'coworking', reason: 'CONNECTION_REFUSED' },
  };

  it('is answered by the caller as that subgraph’s DATABASE_UNAVAILABLE, in the caller’s language, without the service’s address', async () => {
    const coworking = await answering([coworkingDown]);
    try {
      const failed = await new ServiceClient(coworking.url, 'secret', 'tenants')
        .request('{ _entities(representations: []) { __typename } }')
        .catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(RelayedDatabaseOutage);
      const formatted = { message: (failed as Error).message, path: ['bookSharedSpace'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      expect(databaseUnavailableAnswer(formatted, new GraphQLError(formatted.message, { originalError: failed as Error }), 'tenants', 'en')).toEqual({
        reason: 'CONNECTION_REFUSED',
        answer: {
          message: 'The database of the coworking service is unavailable; its data is missing from this response. Try again in a moment.',
          path: ['bookSharedSpace'],
          extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'coworking', reason: 'CONNECTION_REFUSED' },
        },
      });
    } finally {
      coworking.close();
    }
  });

  it('is not made up from any other error of the call, nor from a malformed one', async () => {
    const others = await answering([{ message: 'Erreur interne.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    try {
      const failed = await new ServiceClient(others.url, 'secret', 'tenants').request('{ x }').catch((e: unknown) => e);
      expect(failed).not.toBeInstanceOf(RelayedDatabaseOutage);
      expect(databaseUnavailableReason(failed)).toBeUndefined();
    } finally {
      others.close();
    }
    expect(RelayedDatabaseOutage.from({ extensions: { ...coworkingDown.extensions, reason: 'MAYBE' } })).toBeUndefined();
    expect(RelayedDatabaseOutage.from({ extensions: { ...coworkingDown.extensions, subgraph: 'http://10.0.0.5' } })).toBeUndefined();
  });
});
