import { startTracing } from '@maison/telemetry';

/** Imported first by main.ts: tracing (when configured) must hook http and pg before anything loads them. */
startTracing('gateway');
