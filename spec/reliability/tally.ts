/** Counts what the reliability suite proved, for its closing summary line. */
export const tally = {
  faults: { run: 0, survived: 0 },
  badInputs: { run: 0, rejectedWithoutRequest: 0 },
  secretLeaks: 0,
  secretChecks: 0,
  replay: { records: 0, lost: 0, schemaViolations: 0 },
};

/**
 * `faults survived 18/18, bad inputs rejected 41/41 with no request, secret leaks 0 (in 60 checked outputs),
 * real recordings replayed: 2100 records, 0 lost, 0 schema violations`
 */
export function summaryLine(): string {
  return `faults survived ${tally.faults.survived}/${tally.faults.run}, `
    + `bad inputs rejected ${tally.badInputs.rejectedWithoutRequest}/${tally.badInputs.run} with no request, `
    + `secret leaks ${tally.secretLeaks} (in ${tally.secretChecks} checked outputs), `
    + `real recordings replayed: ${tally.replay.records} records, ${tally.replay.lost} lost, `
    + `${tally.replay.schemaViolations} schema violations`;
}
