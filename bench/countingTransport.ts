/** The client's transport, counting Lightspeed's answers by status: what one process sent and how it was answered. */
import { HttpRequest, HttpResponse, Transport } from '../lib/client/http';

export class CountingTransport extends Transport {
  readonly statuses: Record<string, number> = {};
  /** 429s that came before any request was accepted: the process could not know the bucket yet. */
  rateLimitedAtStart = 0;

  override async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await super.send(request);
    this.statuses[response.status] = (this.statuses[response.status] ?? 0) + 1;
    if (response.status === 429 && this.statuses[200] === undefined) this.rateLimitedAtStart += 1;
    return response;
  }
}
