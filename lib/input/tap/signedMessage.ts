/**
 * The text Lightspeed signs for a tap: the button's URL, normalised as RFC 3986 allows without changing its meaning
 * (scheme and host lower case, the default port dropped, dot segments removed, percent-escapes upper case and
 * unreserved characters unescaped), then `?` and every parameter but the signature, sorted and encoded as PHP does.
 * It is rebuilt from the step's Button URL and the received parameters, never from what the platform says the
 * request's URL was.
 */
import { phpSortedQuery } from './phpQuery';

/** `https://in.example.io/hook/1?a=b` -> `https://in.example.io/hook/1`: the part of the button's URL before its query. */
export function buttonBase(buttonUrl: URL): string {
  return `${buttonUrl.protocol}//${buttonUrl.host}${normalizedPath(buttonUrl.pathname)}`;
}

/** The signed text of a tap: the button's base and the parameters (the signature already left out). */
export function signedMessage(buttonUrl: URL, params: Record<string, string>): string {
  return `${buttonBase(buttonUrl)}?${phpSortedQuery(params)}`;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** A WHATWG path (dot segments already gone) with `%7e` -> `~` and `%2f` -> `%2F`. */
function normalizedPath(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
