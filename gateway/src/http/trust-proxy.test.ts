import type { IncomingMessage } from 'node:http';
import { clientAddress, forwardedChain, parseTrustProxy } from './trust-proxy';
import { readGatewayConfig } from '../config';

const request = (peer: string, xff?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;
const client = (trust: string, peer: string, xff?: string | string[]) => clientAddress(request(peer, xff), parseTrustProxy(trust));

describe('parseTrustProxy', () => {
  it('reads false, a hop count, or a list of addresses and CIDRs', () => {
    expect(parseTrustProxy('false')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('0')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,loopback')).toMatchObject({ kind: 'list', entries: ['127.0.0.1', '10.0.0.0/8', 'loopback'] });
  });

  it('refuses what is neither, saying why', () => {
    expect(() => parseTrustProxy('yes')).toThrow(/a number, false, or addresses/);
    expect(() => parseTrustProxy('10.0.0.0/99')).toThrow(/a number, false, or addresses/);
    expect(() => parseTrustProxy('101')).toThrow(/at most 100/);
  });
});

describe('clientAddress', () => {
  it('unset/false: the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
    expect(client('false', '10.0.0.5', '203.0.113.9')).toBe('10.0.0.5');
  });

  it('N hops: the address N from the right of the chain peer + X-Forwarded-For, or the leftmost when shorter', () => {
    expect(client('1', '10.0.0.5', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(client('2', '10.0.0.5', '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1');
    expect(client('3', '10.0.0.5', '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1');
    expect(client('1', '10.0.0.5')).toBe('10.0.0.5');
  });

  it('a list: trusted only when the peer is in it, walking right to left past every trusted address', () => {
    const trust = '127.0.0.1,10.0.0.0/8';
    expect(client(trust, '127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(client(trust, '127.0.0.1', '198.51.100.66, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7'); // forged entry left of the client ignored
    expect(client(trust, '192.0.2.1', '198.51.100.7')).toBe('192.0.2.1'); // peer not a proxy: XFF not read
    expect(client(trust, '::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7'); // IPv4-mapped peer
    expect(client(trust, '127.0.0.1', '10.0.0.2, 10.0.0.3')).toBe('10.0.0.2'); // all trusted: the farthest
  });

  it('ignores entries that are not addresses, and repeated headers are one list', () => {
    expect(client('127.0.0.1', '127.0.0.1', '198.51.100.7, unknown, , <script>')).toBe('198.51.100.7');
    expect(client('1', '127.0.0.1', 'garbage')).toBe('127.0.0.1');
    expect(client('2', '127.0.0.1', ['198.51.100.1', '203.0.113.9'])).toBe('198.51.100.1');
    expect(forwardedChain(request('127.0.0.1', ' 2001:db8::1 ,x'))).toEqual(['127.0.0.1', '2001:db8::1']);
  });
});

describe('TRUST_PROXY in the gateway configuration', () => {
  it('is off by default, and a bad value stops the boot with the variable named', () => {
    expect(readGatewayConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(readGatewayConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(() => readGatewayConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY="everyone" is invalid: a number, false, or addresses/);
  });
});
