import { Clock } from '../../lib/client/http';

/** Virtual time: `sleep` advances it at once, so a 2-second wait takes microseconds and can be measured exactly. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private time = Date.parse('2026-01-01T00:00:00Z')) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    await new Promise((resolve) => setImmediate(resolve));
  }

  advance(ms: number): void {
    this.time += ms;
  }

  /** Sum of all sleeps so far. */
  get slept(): number {
    return this.sleeps.reduce((sum, ms) => sum + ms, 0);
  }
}
