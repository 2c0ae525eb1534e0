import { expect } from 'chai';
import { fileKind } from '../../lib/runtime/fileKind';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('fileKind: what a file that is not an image is, by its first bytes', () => {
  const cases: Array<[string, Buffer, string | undefined]> = [
    ['a web page, after a byte order mark and white space', Buffer.from('\uFEFF\n  <!DOCTYPE html><html><head>'), 'an HTML page'],
    ['a bare <html>', Buffer.from('<html>not a picture</html>'), 'an HTML page'],
    ['plain text', Buffer.from('this is not a picture\n'), 'text'],
    ['text in UTF-8, a character cut at the end', Buffer.from('Grüße aus Köln, schöne Grüße').subarray(0, 27), 'text'],
    ['JSON (an error answer)', Buffer.from('{"error": "not found"}'), 'JSON'],
    ['XML', Buffer.from('<?xml version="1.0"?><Error/>'), 'XML'],
    ['an SVG drawing', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'), 'an SVG drawing'],
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3'), 'a PDF document'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'a WebP image'],
    ['a HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'a HEIC or AVIF image'],
    ['an AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), 'a HEIC or AVIF image'],
    ['a BMP', bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]), 'a BMP image'],
    ['a TIFF', bytes('II*', [0, 8, 0, 0, 0]), 'a TIFF image'],
    ['a ZIP (a Word document too)', bytes('PK', [3, 4, 20, 0]), 'a ZIP archive'],
    ['binary data of no known format', Buffer.from([1, 2, 3, 200, 0, 9, 17]), undefined],
    ['nothing', Buffer.alloc(0), undefined],
  ];
  for (const [name, head, kind] of cases) {
    it(`${name}: ${String(kind)}`, () => expect(fileKind(head)).to.equal(kind));
  }
});
