/** The client's transport, counting Lightspeed's answers by status: what one process sent and how it was answered. */
import { HttpRequest, HttpResponse, Transport } from '../lib/client/transport';

export class CountingTransport extends Transport {
  readonly statuses: Record<string, number> = {};

  override async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await super.send(request);
    this.statuses[response.status] = (this.statuses[response.status] ?? 0) + 1;
    return response;
  }
}
