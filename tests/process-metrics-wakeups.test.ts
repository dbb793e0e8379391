import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The process metrics every gateway and subgraph collects (collectProcessMetrics) must not wake an
 * idle process every 10 ms: prom-client's default event-loop sampling did, 100 times a second, in
 * each of the four processes of the graph. Counted as the kernel's voluntary context switches of a
 * fresh node process over 2 s, idle but for the metrics, on the built package.
 */
const ROOT = path.resolve(__dirname, '..');
const probe = (collect: boolean) =>
  [
    ...(collect ? [`require(${JSON.stringify(path.join(ROOT, 'packages', 'telemetry', 'dist'))}).collectProcessMetrics();`] : []),
    `const switches = () => Number(/^voluntary_ctxt_switches:\\s+(\\d+)/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]);`,
    `setTimeout(() => { const before = switches(); setTimeout(() => { process.stdout.write(String(switches() - before)); }, 2000); }, 500);`,
  ].join('\n');

function wakeups(collect: boolean): number {
  const result = spawnSync(process.execPath, ['-e', probe(collect)], { env: { PATH: process.env.PATH! }, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`probe failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return Number(result.stdout);
}

describe('process metrics (Linux: /proc)', () => {
  it('wake an idle process at most about 10 times a second, not 100', () => {
    const idle = wakeups(false);
    const withMetrics = wakeups(true);
    // 2 s at 100 ms: about 20 wakeups more than an idle process; prom-client's 10 ms default made it about 200.
    expect(withMetrics - idle).toBeLessThan(60);
  });
});
