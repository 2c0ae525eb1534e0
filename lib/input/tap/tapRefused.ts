/** Why a tap is not taken: the HTTP status to answer it with (when the caller waits for one) and a one-line reason. */
export class TapRefused extends Error {
  override name = 'TapRefused';
  /** 401: not shown to come from Lightspeed; 403: from another account; 503: Lightspeed's key set is out of reach. */
  constructor(readonly status: 401 | 403 | 503, readonly reason: string) {
    super(reason);
  }
}
