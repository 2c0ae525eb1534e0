/** A redirect that did not deliver a usable code (denied, wrong state): the user must authorize again. */
export class RedirectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectError';
  }
}

/**
 * The authorization code from what the user pasted: the whole redirect address, its query string, or the bare
 * code. When the text carries a state it must be ours (a mismatch means a stale or forged redirect).
 */
export function codeFromPastedText(text: string, expectedState: string | undefined): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new RedirectError('Nothing was pasted');
  const query = queryOf(trimmed);
  if (!query) {
    if (/\s/.test(trimmed)) throw new RedirectError('Paste the whole address you were redirected to, or just its code');
    return trimmed;
  }
  return codeFromQuery(query, expectedState);
}

/** The code in a redirect's query, after checking `error` and `state`. */
export function codeFromQuery(query: URLSearchParams, expectedState: string | undefined): string {
  const error = query.get('error');
  if (error) throw new RedirectError(`Lightspeed answered ${error}${query.get('error_description') ? `: ${query.get('error_description')}` : ''}`);
  const state = query.get('state');
  if (expectedState !== undefined && state !== null && state !== expectedState) {
    throw new RedirectError('The redirect carries a different state than this helper sent: it belongs to another authorization. Open the URL printed above again.');
  }
  const code = query.get('code');
  if (!code) throw new RedirectError('The redirect has no code');
  return code;
}

function queryOf(text: string): URLSearchParams | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      return new URL(text).searchParams;
    } catch {
      return undefined;
    }
  }
  if (text.startsWith('?') || /(^|&)code=/.test(text)) return new URLSearchParams(text.replace(/^\?/, ''));
  return undefined;
}
