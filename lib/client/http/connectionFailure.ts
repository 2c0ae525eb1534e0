/**
 * Why a request got no HTTP answer, read from Node's error code, and how to say it to the user. The API transport
 * (axios) and the token refresh (simple-oauth2) report the same codes.
 */

/**
 * `refused`: nothing accepts connections there; `unreachable`: no route to the host; `unknown-host`: DNS knows no
 * such name; `tls`: the certificate or the TLS handshake failed; `timeout`: no answer in time; `lost`: the
 * connection broke after it was made.
 */
export type ConnectionFailure = 'refused' | 'unreachable' | 'unknown-host' | 'tls' | 'timeout' | 'lost';

/** Node's and OpenSSL's codes for a certificate that is not accepted (`CERT_HAS_EXPIRED`, `DEPTH_ZERO_SELF_SIGNED_CERT`...). */
const CERTIFICATE_CODE = /CERT|SIGNATURE|ISSUER|CRL|HOSTNAME|INVALID_CA/;
/** A TLS handshake that failed for another reason (`EPROTO` when https meets a plain-http port). */
const HANDSHAKE_CODE = /^EPROTO$|^ERR_SSL_|^ERR_TLS_/;

/** The failure a Node error code stands for (axios reports its own timeout as ETIMEDOUT or ECONNABORTED). */
export function connectionFailure(code: string | undefined): ConnectionFailure {
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown-host';
  if (code !== undefined && (CERTIFICATE_CODE.test(code) || HANDSHAKE_CODE.test(code))) return 'tls';
  return 'lost';
}

/** No connection was made, so no request reached the server: even a create may be sent again. */
export function neverConnected(failure: ConnectionFailure): boolean {
  return failure === 'refused' || failure === 'unreachable' || failure === 'unknown-host' || failure === 'tls';
}

/** Another attempt cannot help: the address is wrong or its certificate is not trusted, and stays so. */
export function isPermanent(failure: ConnectionFailure): boolean {
  return failure === 'unknown-host' || failure === 'tls';
}

/** A URL of the credential, with the label of its field: what a user has to check. */
export interface CredentialUrl {
  field: 'Environment URL' | 'Token URL';
  url: string;
}

/**
 * One clause saying what happened: where no connection was made, it names the credential field once, with its value
 * (`the Environment URL https://x names an unknown host (ENOTFOUND): check it in the credential`).
 */
export function describeConnectionFailure(failure: ConnectionFailure, code: string | undefined, where: CredentialUrl): string {
  const subject = `the ${where.field} ${where.url}`;
  const check = 'check it in the credential';
  switch (failure) {
    case 'refused': return `${subject} refused the connection (${code}): ${check}, and that the server is up`;
    case 'unreachable': return `${subject} cannot be reached (${code}): ${check}, and the network`;
    case 'unknown-host': return `${subject} names an unknown host (${code}): ${check}`;
    case 'tls': return CERTIFICATE_CODE.test(code ?? '')
      ? `${subject} presented a TLS certificate that is not trusted (${code}): ${check}`
      : `the TLS handshake with ${subject} failed (${code}): ${check}`;
    case 'timeout': return 'no response before the timeout';
    default: return `the connection broke before the answer (${code ?? 'no error code'})`;
  }
}
