import { writeLine } from '../io';
import { SecretRedactor, maskSecretFields } from '../secrets';

/** Writes each emitted event as one JSON line on stdout: `{"event":"data","body":{...}}`. */
export class EventLines {
  readonly counts: Record<string, number> = {};

  constructor(private readonly stdout: NodeJS.WritableStream, private readonly redactor: SecretRedactor) {}

  /** One event line. `updateKeys` bodies have their token and secret values replaced by "[redacted]". */
  write(event: string, payload?: unknown): void {
    this.counts[event] = (this.counts[event] ?? 0) + 1;
    const line: Record<string, unknown> = { event };
    if (event === 'error') line.message = payload instanceof Error ? payload.message : String(payload);
    else if (event === 'data') line.body = isMessage(payload) ? payload.body : payload;
    else if (event === 'updateKeys') line.body = maskSecretFields(payload);
    else if (payload !== undefined) line.body = payload;
    // The redactor is the second line of defence: it masks any known secret value wherever it ended up.
    writeLine(this.stdout, this.redactor.redact(JSON.stringify(line)));
  }
}

function isMessage(payload: unknown): payload is { body: unknown } {
  return typeof payload === 'object' && payload !== null && 'body' in payload;
}
