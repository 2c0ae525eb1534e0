/**
 * The client's transport, adding up what Lightspeed's answers say each API request cost (`X-LS-API-Request-Cost`,
 * read as the component reads it): the drips of a run come from the answers, never from a model of the prices.
 */
import { HttpRequest, HttpResponse, Transport } from '../lib/client/http';
import { requestCost } from '../lib/client/spending';

export class DripMeter extends Transport {
  drips = 0;
  /** API requests answered, 429s included (token requests are not API requests). */
  requests = 0;
  rateLimited = 0;

  override async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await super.send(request);
    if (new URL(request.url).pathname.startsWith('/API/')) {
      this.requests += 1;
      if (response.status === 429) this.rateLimited += 1;
      // Costs carry up to three decimals: keep the sum free of float noise.
      this.drips = Math.round((this.drips + (requestCost(response.headers) ?? 0)) * 1000) / 1000;
    }
    return response;
  }
}
