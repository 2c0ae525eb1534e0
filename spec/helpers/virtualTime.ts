import { Clock } from '../../lib/client/http';

interface Timer {
  at: number;
  order: number;
  wake: () => void;
}

/**
 * Discrete-event time for several concurrent actors: `sleep` resolves when `run` reaches its moment, in time order
 * (ties in call order), so many clients and a server can share one virtual clock and a minute passes in milliseconds.
 */
export class VirtualTime implements Clock {
  private time = 0;
  private order = 0;
  private readonly timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, wake });
    });
  }

  /** Advances through the timers until `done` returns true (or nothing is left to wake). */
  async run(done: () => boolean): Promise<void> {
    await settle();
    while (!done() && this.timers.length > 0) {
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.timers.shift() as Timer;
      this.time = Math.max(this.time, next.at);
      next.wake();
      await settle();
    }
  }
}

/** Lets every promise chain run until it waits on a timer again. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
