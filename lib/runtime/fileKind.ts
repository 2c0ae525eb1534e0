/**
 * What a file that is not a JPEG, PNG or GIF looks like, by its first bytes, for an error to name: a web page or a
 * text served under an image's name, or a picture in a format Lightspeed does not take.
 */

/** Formats told by a fixed signature at the start (or, for the ISO media box, at byte 4). */
const SIGNATURES: ReadonlyArray<[kind: string, test: (head: Buffer) => boolean]> = [
  ['a PDF document', (head) => ascii(head, 0, 5) === '%PDF-'],
  ['a WebP image', (head) => ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP'],
  ['a HEIC or AVIF image', (head) => ascii(head, 4, 8) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(head, 8, 12))],
  ['a BMP image', (head) => ascii(head, 0, 2) === 'BM' && head.length >= 14 && head.readUInt16LE(6) === 0],
  ['a TIFF image', (head) => ascii(head, 0, 4) === 'II*\u0000' || ascii(head, 0, 4) === 'MM\u0000*'],
  ['a ZIP archive', (head) => ascii(head, 0, 4) === 'PK\u0003\u0004'],
];

/** Text by what it starts with, after white space and a byte order mark. */
const TEXTS: ReadonlyArray<[kind: string, start: RegExp]> = [
  ['an HTML page', /^<(!doctype html|html|head|body|!--)/i],
  ['an SVG drawing', /^(<\?xml[^>]*>\s*)?<svg/i],
  ['XML', /^<\?xml/i],
  ['JSON', /^[{[]/],
];

/** `an HTML page`, `text`, `a PDF document`...; undefined when the bytes are none of these. */
export function fileKind(head: Buffer): string | undefined {
  const signed = SIGNATURES.find(([, test]) => test(head));
  if (signed) return signed[0];
  if (!isText(head)) return undefined;
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return TEXTS.find(([, start]) => start.test(text))?.[0] ?? 'text';
}

function ascii(head: Buffer, from: number, to: number): string {
  return head.subarray(from, to).toString('latin1');
}

/** Printable UTF-8 and white space only (a multi-byte character cut at the end still counts). */
function isText(head: Buffer): boolean {
  if (head.length === 0) return false;
  const text = head.toString('utf8');
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text) && (text.match(/\uFFFD/g) ?? []).length <= 1;
}
