import pino from 'pino';
import { logContextFields } from './request-context';
import { safeValue } from './safe-fields';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Through process.stdout (not straight to fd 1), so that what a test captures of stdout includes the logs. */
const stdout = { write: (line: string) => process.stdout.write(line) };

/**
 * JSON lines on stdout through pino, one object per event: time (ISO), level (its name), service,
 * message, the request's id and trace ids when there is one (request-context.ts), then the fields,
 * made safe to log (safe-fields.ts: errors as objects, secrets redacted).
 */
export function createLogger(service: string, level: Level = 'info'): Logger {
  const logger = pino(
    {
      level,
      base: { service, pid: process.pid },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: logContextFields,
    },
    stdout,
  );
  const write = (at: Exclude<Level, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (!logger.isLevelEnabled(at)) return;
    logger[at](fields ? (safeValue(fields) as Record<string, unknown>) : {}, message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
