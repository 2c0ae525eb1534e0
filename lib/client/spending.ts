/**
 * What a client's requests cost the account, as Lightspeed reports it: `X-LS-API-Request-Cost` on every answer (0 on a
 * 429, which is not charged) and the drip rate of `X-LS-API-Drip-Rate`. Drips are the merchant's money: an action that
 * does many requests (Sync records) reports what it spent and how long the rest will take at that rate.
 */
import { HttpHeaders, header } from './http';

/** The drips one answer says its request cost; undefined when it says nothing. */
export function requestCost(headers: HttpHeaders): number | undefined {
  const value = header(headers, 'x-ls-api-request-cost');
  if (value === undefined || value.trim() === '') return undefined;
  const cost = Number(value);
  return Number.isFinite(cost) && cost >= 0 ? cost : undefined;
}

/** The running total of one client's answers. */
export class Spending {
  /** Drips Lightspeed charged, the sum of the answers' request costs. */
  drips = 0;
  /** Answers received (every attempt, 429s and errors included). */
  answers = 0;
  /** Drips per second the last answer stated, or undefined before any did. */
  dripPerSecond: number | undefined;

  /** Counts one answer; returns the cost it reported. */
  observe(headers: HttpHeaders): number | undefined {
    this.answers += 1;
    const cost = requestCost(headers);
    // Costs carry up to three decimals (1.6, 0.5 per nested record): keep the sum free of float noise.
    if (cost !== undefined) this.drips = Math.round((this.drips + cost) * 1000) / 1000;
    const rate = Number(header(headers, 'x-ls-api-drip-rate'));
    if (Number.isFinite(rate) && rate > 0) this.dripPerSecond = rate;
    return cost;
  }
}
