import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERRORS_DOC_FILE, errorsDoc } from './errors-doc/render';
import { ROOT } from './services';

/** `npm run docs:errors`: writes docs/errors.md from the registry of codes and messages. */
writeFileSync(path.join(ROOT, ERRORS_DOC_FILE), errorsDoc());
process.stdout.write(`wrote ${ERRORS_DOC_FILE}\n`);
