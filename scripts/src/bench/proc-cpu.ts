import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the benchmark's processes, read from /proc (Linux). A process's time is utime + stime
 * of /proc/<pid>/stat, in clock ticks. PostgreSQL is the postmaster and every backend: the
 * postmaster's own time, the time of the children it has already reaped (cutime + cstime), and the
 * time of each child alive now.
 */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
  /** cutime + cstime: the reaped children's time, in clock ticks. */
  childTicks: number;
}

/** Fields of one /proc/<pid>/stat line. The name (field 2) is in parentheses and may hold spaces. */
export function parseStat(line: string): ProcStat {
  const close = line.lastIndexOf(')');
  const pid = Number(line.slice(0, line.indexOf(' ')));
  // After the name: state (field 3) is rest[0], ppid (4) rest[1], utime (14) rest[11], stime rest[12], cutime rest[13], cstime rest[14].
  const rest = line
    .slice(close + 2)
    .trim()
    .split(' ');
  const n = (i: number) => Number(rest[i]);
  return { pid, ppid: n(1), ticks: n(11) + n(12), childTicks: n(13) + n(14) };
}

/** Linux's USER_HZ: 100 on every architecture Node runs on there. */
export const TICKS_PER_SECOND = 100;

function readStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone
  }
}

function allStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((s): s is ProcStat => s !== undefined);
}

/** What one measured process is: a single process, or a PostgreSQL postmaster with its backends. */
export interface Watched {
  name: string;
  pid: number;
  tree?: boolean;
}

/** Milliseconds of CPU each watched process has used so far, by name. */
export function cpuSnapshot(watched: Watched[]): Record<string, number> {
  const stats = watched.some((w) => w.tree) ? allStats() : [];
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return Object.fromEntries(
    watched.map((w) => {
      if (!w.tree) return [w.name, ms(readStat(w.pid)?.ticks ?? 0)];
      return [w.name, ms(treeTicks(w.pid, stats))];
    }),
  );
}

/** A postmaster's ticks: its own, its reaped children's, and those of its children alive now. */
export function treeTicks(root: number, stats: ProcStat[]): number {
  const self = stats.find((s) => s.pid === root);
  if (!self) return 0;
  return self.ticks + self.childTicks + stats.filter((s) => s.ppid === root).reduce((sum, s) => sum + s.ticks, 0);
}

/** The pid of the child of parent whose command line contains needle (a subgraph of the launcher). */
export function childPid(parent: number, needle: string): number | undefined {
  for (const stat of allStats()) {
    if (stat.ppid !== parent) continue;
    try {
      if (readFileSync(`/proc/${stat.pid}/cmdline`, 'utf8').includes(needle)) return stat.pid;
    } catch {
      // gone
    }
  }
  return undefined;
}
