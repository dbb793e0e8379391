export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Structured JSON lines on stdout, one object per event, for the operator. */
export function createLogger(service: string, level: Level = 'info'): Logger {
  const write =
    (at: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      const entry: Record<string, unknown> = { time: new Date().toISOString(), level: at, service, message, ...fields };
      for (const [key, value] of Object.entries(entry)) {
        if (value instanceof Error) entry[key] = { name: value.name, message: value.message, stack: value.stack };
      }
      process.stdout.write(`${JSON.stringify(entry)}\n`);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
