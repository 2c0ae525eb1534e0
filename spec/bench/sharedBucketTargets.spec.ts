import { expect } from 'chai';
import { rateLimitedTarget, VARIANTS } from '../../bench/sharedBucketFigures';

describe('benchmark scenario 6: the share of 429s each round may meet', () => {
  const cases: Array<[number, string, number]> = [
    [1, VARIANTS.retryAfter.label, 0],
    [1, VARIANTS.noRetryAfter.label, 0],
    [4, VARIANTS.retryAfter.label, 0.02],
    [4, VARIANTS.noRetryAfter.label, 0.02],
    [8, VARIANTS.retryAfter.label, 0.02],
    [8, VARIANTS.noRetryAfter.label, 0.05],
  ];
  for (const [processes, variant, share] of cases) {
    it(`K=${processes}, ${variant}: ${share * 100}%`, () => {
      expect(rateLimitedTarget(processes, variant)).to.equal(share);
    });
  }
});
