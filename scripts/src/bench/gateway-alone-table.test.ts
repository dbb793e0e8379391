import { change, renderGatewayAlone, type GatewayAloneRow } from './gateway-alone-table';
import type { RunResult } from './measure';

const round = (rps: number, p99: number, gateway: number, invalid = 0): RunResult => ({
  requests: rps,
  sent: rps,
  rps,
  p50: p99 / 2,
  p99,
  errors: 0,
  invalid,
  cpuMsPerRequest: { gateway },
});
const settings = { date: '2026-12-02 10:00', scale: 100, connections: 50, rounds: 3, durationSeconds: 6, warmupSeconds: 3, delayMs: 0, cores: 2 };

describe('the gateway-alone table', () => {
  const before: GatewayAloneRow = {
    scenario: 'kitchen',
    target: 'before',
    rounds: [round(900, 80, 0.97), round(800, 90, 1.05), round(1000, 70, 0.92)],
    fetchesPerRequest: 1,
  };
  const ours: GatewayAloneRow = {
    scenario: 'kitchen',
    target: 'ours',
    rounds: [round(1100, 60, 0.84), round(1200, 50, 0.76), round(1000, 65, 0.7, 2)],
    fetchesPerRequest: 1,
  };

  it('lists each round and the medians of req/s, p99 and gateway CPU, with the wrong answers', () => {
    const text = renderGatewayAlone({ ...settings, baseline: '/tmp/maison-base' }, [before, ours]);
    expect(text).toContain('| kitchen | before | 900 | 80 | 0.97, 1.05, 0.92 | 0.97 | 1.00 | 0 | 0 |');
    expect(text).toContain('| kitchen | ours | 1100 | 60 | 0.84, 0.76, 0.70 | 0.76 | 1.00 | 2 | 0 |');
    expect(text).toContain('- kitchen: 0.97 → 0.76 (−22 %)');
    expect(text).toContain('before = /tmp/maison-base');
  });

  it('has no before → ours lines without a baseline, and signs a rise', () => {
    expect(renderGatewayAlone(settings, [ours])).not.toContain('before → ours');
    expect(change(ours, before)).toBe('0.76 → 0.97 (+28 %)');
  });
});
