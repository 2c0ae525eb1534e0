/** A mistake in how the CLI was called: exit code 2 and the usage text, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }
}
