/** multipart/form-data bodies as bytes: Lightspeed's image upload sends a JSON part and a file part. */

/** One part: its name, file name and content type when given, and its bytes. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  bytes: Buffer;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, or undefined for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return undefined;
  return /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}

/** The parts of a multipart body, bytes untouched (binary files survive); undefined when it is not well formed. */
export function parseMultipartBytes(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = afterDelimiter + CRLF.length;
    const headerEnd = body.indexOf(HEADER_END, headerStart);
    const next = body.indexOf(delimiter, headerStart);
    if (headerEnd < 0 || next < 0 || headerEnd > next) return undefined;
    const part = formPart(body.subarray(headerStart, headerEnd).toString('latin1'), body.subarray(headerEnd + HEADER_END.length, next - CRLF.length));
    if (!part) return undefined;
    parts.push(part);
    at = next;
  }
}

function formPart(headers: string, bytes: Buffer): FormPart | undefined {
  const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  const contentType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
  return { name, bytes, ...(filename !== undefined ? { filename } : {}), ...(contentType ? { contentType } : {}) };
}
