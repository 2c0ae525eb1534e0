/** A mistake in how the CLI was called: exit code 2 and one line naming it, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
