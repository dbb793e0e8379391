/** The JSON logger of every process: pino, with the request and trace ids on each line (@maison/telemetry). */
export { createLogger, type Level, type Logger } from '@maison/telemetry';
