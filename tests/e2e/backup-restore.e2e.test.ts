import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, stableId, todayInHouse } from '@maison/house';
import { admin, asTenant, startGraph, type RunningGraph } from '@maison/testing';

/**
 * npm start's data, backed up and restored (issue 14, promise 7): a booking made through the API,
 * `npm run backup` with npm start stopped, a second booking, `npm run restore`: the first booking
 * is there, the second is not, and the graph books again. A backup of a running server is refused.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'maison-backup-'));
const dataDir = path.join(work, 'data');
const backupDir = path.join(work, 'backup');
const env = { DATA_DIR: dataDir, DATABASE_PREFIX: 'house_' };
const run = (script: 'backup' | 'restore', args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist', `${script}.js`), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });

const tenant = asTenant('graphisme');
const day = addDays(todayInHouse(), 22);
const AVAILABILITY = `query($date: LocalDate!) { sharedSpace(slug: "cuisine") { availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const TITLES = `query($day: LocalDate!) { calendar(from: $day, to: $day) { spaceBookings { title } } }`;

let graph: RunningGraph | undefined;
afterAll(async () => {
  await graph?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function book(g: RunningGraph, slot: { startsAt: string; endsAt: string }, title: string): Promise<unknown> {
  return (await g.data(BOOK, { input: { spaceId: stableId('shared-space', 'cuisine'), ...slot, title } }, { identity: tenant })).bookSharedSpace;
}
async function titles(g: RunningGraph): Promise<string[]> {
  const days = (await g.data(TITLES, { day }, { identity: admin })).calendar as { spaceBookings: { title: string }[] }[];
  return days.flatMap((d) => d.spaceBookings.map((b) => b.title));
}

it('restores what npm run backup saved: the booking made before it is there, the one made after is not, and the graph books again', async () => {
  graph = await startGraph({ embedded: true, env });
  const offers = (await graph.data(AVAILABILITY, { date: day }, { identity: tenant })).sharedSpace.availability as { startsAt: string; endsAt: string }[];
  const [first, last] = [offers[0]!, offers[offers.length - 1]!];
  expect(await book(graph, first, 'Avant la sauvegarde')).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });
  expect(await graph.stop()).toBe(0);

  const backup = run('backup', ['--out', backupDir]);
  expect(backup.stderr).toBe('');
  expect(backup.status).toBe(0);
  expect(backup.stdout).toMatch(/^backed up .* \(PostgreSQL 17\) to .*postgres\.tar\.gz\n$/);

  graph = await startGraph({ embedded: true, env });
  expect(await book(graph, last, 'Après la sauvegarde')).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });
  expect(await titles(graph)).toEqual(expect.arrayContaining(['Avant la sauvegarde', 'Après la sauvegarde']));
  // A copy of a running server's files is no backup: refused, and the same for a restore.
  const whileRunning = run('backup', ['--out', path.join(work, 'too-soon')]);
  expect(whileRunning.status).toBe(2);
  expect(whileRunning.stderr).toMatch(/^PostgreSQL is running on .* \(PID \d+\): stop npm start first/);
  expect(existsSync(path.join(work, 'too-soon'))).toBe(false);
  expect(run('restore', ['--from', backupDir]).status).toBe(2);
  expect(await graph.stop()).toBe(0);

  const restore = run('restore', ['--from', backupDir]);
  expect(restore.stderr).toBe('');
  expect(restore.status).toBe(0);
  // The data it replaced is kept beside it.
  expect(readdirSync(dataDir).filter((name) => name.startsWith('postgres.before-restore-'))).toHaveLength(1);

  graph = await startGraph({ embedded: true, env });
  const after = await titles(graph);
  expect(after).toContain('Avant la sauvegarde');
  expect(after).not.toContain('Après la sauvegarde');
  expect(await book(graph, last, 'Après la restauration')).toEqual({ booking: { id: expect.any(String) }, userErrors: [] });
  expect(await titles(graph)).toEqual(expect.arrayContaining(['Avant la sauvegarde', 'Après la restauration']));
});

it('says how to call it when the folder is missing', () => {
  const result = run('backup', []);
  expect(result.status).toBe(2);
  expect(result.stderr).toBe('--out DIR is required\n\nUsage: npm run backup -- --out DIR\n');
});
