import { parseStat, treeTicks, type ProcStat } from './proc-cpu';
import { cpuPerRequest, totalCpuMs } from './cpu-table';

describe('reading /proc/<pid>/stat', () => {
  it('takes the parent, utime + stime and cutime + cstime, whatever the name holds', () => {
    // Fields: pid (name) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
    const line = '4242 (postgres: bench_tenants (idle)) S 4000 4000 4000 0 -1 4194560 900 0 0 0 1234 56 7 8 20 0 1 0 100 1000 10';
    expect(parseStat(line)).toEqual({ pid: 4242, ppid: 4000, ticks: 1290, childTicks: 15 });
  });

  it('counts a postmaster as itself, its reaped children and its children alive now, and no one else', () => {
    const stats: ProcStat[] = [
      { pid: 4000, ppid: 1, ticks: 100, childTicks: 30 },
      { pid: 4001, ppid: 4000, ticks: 200, childTicks: 0 },
      { pid: 4002, ppid: 4000, ticks: 50, childTicks: 0 },
      { pid: 4003, ppid: 4001, ticks: 999, childTicks: 0 }, // a grandchild: counted by its parent once reaped
      { pid: 5000, ppid: 1, ticks: 777, childTicks: 0 },
    ];
    expect(treeTicks(4000, stats)).toBe(100 + 30 + 200 + 50);
    expect(treeTicks(6000, stats)).toBe(0);
  });
});

describe('the CPU table', () => {
  it('divides what each process used over the runs by the requests of those runs', () => {
    const perRequest = cpuPerRequest([
      { before: { gateway: 1000, tenants: 500 }, after: { gateway: 1300, tenants: 700 }, requests: 100 },
      { before: { gateway: 1300, tenants: 700 }, after: { gateway: 1500, tenants: 800 }, requests: 100 },
    ]);
    expect(perRequest).toEqual({ gateway: 2.5, tenants: 1.5 });
    expect(totalCpuMs(perRequest)).toBe(4);
  });

  it('counts a process missing from a snapshot as zero and never divides by zero', () => {
    expect(cpuPerRequest([{ before: {}, after: { postgres: 40 }, requests: 0 }])).toEqual({ postgres: 40 });
  });
});
