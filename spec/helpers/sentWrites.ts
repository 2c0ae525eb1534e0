/** What the component sent in its writes, as the wire saw it: for specs that assert a PUT carries only what differs. */
import { HttpRequest, HttpResponse, Transport } from '../../lib/client/http';
import { setClientOverrides } from '../../lib/runtime/session';
import { SPEC_CLIENT_SETTINGS } from './component';

/** One POST, PUT or DELETE: its method, path (query left out) and JSON body. */
export interface SentWrite {
  method: string;
  path: string;
  body: unknown;
}

/** A transport that keeps every write it sends. */
class RecordingTransport extends Transport {
  readonly writes: SentWrite[] = [];

  override send(request: HttpRequest): Promise<HttpResponse> {
    if (request.method !== 'GET') {
      const url = new URL(request.url);
      this.writes.push({ method: request.method, path: url.pathname.replace(/^\/API\/V3\/Account\/\d+\//, ''), body: request.body });
    }
    return super.send(request);
  }
}

/**
 * Records the writes of every client created from now on (after `simulatorWith`, whose overrides it keeps: fast
 * retries, 5 s timeout). Returns the list, filled as writes go out.
 */
export function recordWrites(): SentWrite[] {
  const transport = new RecordingTransport();
  setClientOverrides({ settings: SPEC_CLIENT_SETTINGS, transport });
  return transport.writes;
}
