import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE, BackupRefused, folderArgument, restingDataFolder, runCommand, tar } from './backup/data-folder';

/**
 * `npm run backup -- --out DIR`: a file-level backup of npm start's embedded PostgreSQL (the three
 * house_* databases and everything else of the server), taken while it is stopped, as
 * DIR/postgres.tar.gz. `npm run restore -- --from DIR` puts it back.
 */
runCommand(() => {
  const out = folderArgument('out', 'npm run backup -- --out DIR');
  const folder = restingDataFolder();
  if (!existsSync(path.join(folder, 'PG_VERSION'))) throw new BackupRefused(`no PostgreSQL data in ${folder}: nothing to back up`);
  if (existsSync(path.join(out, ARCHIVE))) throw new BackupRefused(`${path.join(out, ARCHIVE)} exists already: choose another --out folder`);
  mkdirSync(out, { recursive: true });
  tar(['-czf', path.join(out, ARCHIVE), '-C', folder, '.']);
  const version = readFileSync(path.join(folder, 'PG_VERSION'), 'utf8').trim();
  writeFileSync(path.join(out, 'backup.json'), `${JSON.stringify({ takenAt: new Date().toISOString(), from: folder, postgresMajor: version }, null, 2)}\n`);
  process.stdout.write(`backed up ${folder} (PostgreSQL ${version}) to ${path.join(out, ARCHIVE)}\n`);
});
