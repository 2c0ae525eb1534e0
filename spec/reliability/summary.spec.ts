import { summaryLine, tally } from './tally';

// A root-level hook: runs once, after every spec of the run.
after(() => {
  if (tally.faults.run + tally.badInputs.run + tally.secretChecks === 0) return;
  console.log(`\n  Reliability: ${summaryLine()}\n`);
});
