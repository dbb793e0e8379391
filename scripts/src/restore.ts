import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE, BackupRefused, folderArgument, restingDataFolder, runCommand, tar } from './backup/data-folder';

/**
 * `npm run restore -- --from DIR`: puts back the embedded PostgreSQL that `npm run backup` saved in
 * DIR, npm start being stopped. The data folder it replaces is kept beside it
 * (postgres.before-restore-<time>), never deleted.
 */
runCommand(() => {
  const from = folderArgument('from', 'npm run restore -- --from DIR');
  const archive = path.join(from, ARCHIVE);
  if (!existsSync(archive)) throw new BackupRefused(`no ${ARCHIVE} in ${from}: name a folder that npm run backup wrote`);
  const folder = restingDataFolder();
  let keptAs: string | undefined;
  if (existsSync(folder)) {
    keptAs = `${folder}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(folder, keptAs);
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  tar(['-xzf', archive, '-C', folder]);
  process.stdout.write(`restored ${folder} from ${archive}${keptAs ? `; the data it replaced is in ${keptAs}` : ''}\n`);
});
