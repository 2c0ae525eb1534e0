/**
 * Another integration on the same account and API client (a web shop, an accounting sync): it spends a steady share
 * of the drip rate on a fixed schedule, blind to the bucket, and never retries. Its answers are kept with their
 * simulated times, so a scenario can tell how much of the drip it left and how often it was refused.
 */
import { Clock } from '../lib/client/http';
import { Simulator } from '../simulator';

interface Answer {
  /** Simulated epoch ms when the request was sent. */
  at: number;
  status: number;
}

export class ForeignConsumer {
  private readonly answers: Answer[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private loop: Promise<void> | undefined;
  private stopped = false;

  private constructor(private readonly sim: Simulator, private readonly accessToken: string, private readonly clock: Clock) {}

  /** Exchanges `refreshToken` (its own authorization) for an access token. */
  static async start(sim: Simulator, refreshToken: string, clock: Clock): Promise<ForeignConsumer> {
    const { clientId, clientSecret, tokenUrl } = sim.credentials;
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret }),
    });
    const { access_token: accessToken } = (await response.json()) as { access_token?: string };
    if (!accessToken) throw new Error(`the foreign consumer got no access token (${response.status})`);
    return new ForeignConsumer(sim, accessToken, clock);
  }

  /** Spends the bucket's room, one request after another, so that what comes next is paid by drips only. */
  async fillBucket(): Promise<void> {
    const full = this.sim.options.bucketSize - 1;
    while ((await this.request()).level < full);
  }

  /** One request (cost 1) every 1 / (share x drip rate) simulated seconds, from now until `stop`. */
  spendSteadily(share: number): void {
    const intervalMs = 1000 / (share * this.sim.options.dripRate);
    const first = this.clock.now();
    this.loop = (async () => {
      // Scheduled against the start, so timer delays do not add up into a lower rate.
      for (let sent = 1; !this.stopped; sent += 1) {
        this.track(this.request());
        await this.clock.sleep(first + sent * intervalMs - this.clock.now());
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await Promise.all(this.pending);
  }

  /** Answers to requests sent in [from, to) (simulated ms). */
  answersBetween(from: number, to: number): { accepted: number; rateLimited: number } {
    const window = this.answers.filter((answer) => answer.at >= from && answer.at < to);
    const count = (status: number): number => window.filter((answer) => answer.status === status).length;
    return { accepted: count(200), rateLimited: count(429) };
  }

  private track(request: Promise<unknown>): void {
    this.pending.add(request);
    void request.finally(() => this.pending.delete(request));
  }

  /** One GET; resolves with the bucket level Lightspeed reported (NaN without an answer). */
  private async request(): Promise<{ level: number }> {
    const at = this.clock.now();
    const url = `${this.sim.url}/API/V3/Account/${this.sim.credentials.accountId}/Item.json?limit=1`;
    try {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${this.accessToken}` } });
      await response.arrayBuffer();
      this.answers.push({ at, status: response.status });
      return { level: Number.parseFloat(response.headers.get('x-ls-api-bucket-level') ?? '') };
    } catch {
      this.answers.push({ at, status: 0 });
      return { level: Number.NaN };
    }
  }
}
