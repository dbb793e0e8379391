import { v } from '@maison/config';
import type { Logger } from './logger';

/**
 * SHUTDOWN_DRAIN_MS: after SIGTERM, how long a process keeps serving while its `/ready` says 503
 * `stopping`, so that a load balancer takes it out of rotation before its port closes.
 */
export const shutdownDrainSpec = {
  shutdownDrainMs: v.int('SHUTDOWN_DRAIN_MS', {
    description: 'after SIGTERM, how long /ready answers 503 "stopping" while requests are still served, before the port closes',
    default: 0,
    min: 0,
    max: 600_000,
  }),
};

export interface ShutdownDrain {
  /** True once the drain began: `/ready` answers 503 `{"status":"stopping"}`. */
  readonly stopping: boolean;
  /** Starts the drain (once) and resolves when it is over; requests are served normally meanwhile. */
  run(): Promise<void>;
}

export function createShutdownDrain(drainMs: number, log: Logger): ShutdownDrain {
  let draining: Promise<void> | undefined;
  return {
    get stopping() {
      return draining !== undefined;
    },
    run() {
      if (!draining) {
        if (drainMs > 0) log.info('draining', { drainMs });
        draining = new Promise((done) => setTimeout(done, drainMs));
      }
      return draining;
    },
  };
}

/** The answer of `/ready` while draining. */
export const stoppingBody = (service: string) => ({ status: 'stopping', service });
