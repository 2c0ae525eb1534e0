/**
 * Simulated time that runs `scale` times faster than real time from `origin`. The simulator and every client process
 * of a scenario use the same one, so Lightspeed's 1 drip per second (and Retry-After, and each client's waits) keep
 * their proportions while a run of ten simulated minutes takes half a real minute.
 */
import { Clock } from '../lib/client/http';

export interface TimeScale {
  /** Epoch ms at which simulated and real time agree. */
  origin: number;
  /** Simulated milliseconds per real millisecond. */
  scale: number;
}

/** Epoch ms with sub-millisecond precision (Date.now() would round away scale x 1 ms). */
function realNow(): number {
  return performance.timeOrigin + performance.now();
}

export function scaledClock({ origin, scale }: TimeScale): Clock {
  return {
    now: () => origin + (realNow() - origin) * scale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / scale))),
  };
}
