/**
 * Image uploads: a multipart POST of a `data` JSON part and an `image` file part, streamed from the file for each
 * attempt. Lightspeed may have stored an upload whose answer was lost, so it is never sent again blindly: the
 * parent's images are looked up by file name and size first.
 */
import FormData from 'form-data';
import { getEntity, pathFor } from '../catalog';
import { JsonRecord } from '../catalog/records';
import { shapeOf } from '../catalog/shapes';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from './entityApi';
import {
  ComponentError, MalformedResponseError, RequestContext, ServerError, StreamedBody, TransportError,
} from './http';
import { extractRecords, normalizeRecord } from './normalize';
import { fillPath } from './paths';

/** The picture to upload: what it is, and a way to read it again for each attempt. */
export interface ImageFile {
  filename: string;
  contentType: string;
  /** Bytes; sent as the part's length, and compared after a lost answer. */
  size: number;
  /** A new stream of the bytes. */
  open(): NodeJS.ReadableStream;
}

/** Records an image can belong to, and the catalog entity of their image endpoint. */
export const IMAGE_PARENTS = { Item: 'ItemImage', ItemMatrix: 'ItemMatrixImage' } as const;
export type ImageParent = keyof typeof IMAGE_PARENTS;

export interface ImageUpload {
  parent: ImageParent;
  parentId: number;
  description: string;
  ordering: number;
  file: ImageFile;
}

/** The Image record Lightspeed answered (with `url`), and, after a lost answer, what the look-up found. */
export interface UploadedImage {
  record: JsonRecord;
  recovery?: string;
}

const UNSAFE_TO_REPEAT = 'the image may have been uploaded: look at the record\'s images before running it again';

/** Uploads images to Items and ItemMatrices. */
export class ImageApi {
  constructor(private readonly api: EntityApi) {}

  /** Uploads one image; after a lost answer, finds it or sends it once more, and says which. */
  async upload(upload: ImageUpload): Promise<UploadedImage> {
    try {
      return { record: await this.post(upload) };
    } catch (error) {
      if (!answerLost(error)) throw error;
      const found = await this.lookUp(upload, error);
      const what = `the answer to the upload of ${upload.file.filename} to ${upload.parent} ${upload.parentId} was lost (${error.message})`;
      if (found.length > 0) {
        const [newest] = found;
        const others = found.length > 1 ? ` (${found.length - 1} older image(s) have the same name and size)` : '';
        return { record: newest, recovery: `${what}; Image ${newest.imageID} with that name and ${upload.file.size} bytes is there${others}: not sent again` };
      }
      const record = await this.post(upload);
      return { record, recovery: `${what}; no image with that name and size is there: sent it once more` };
    }
  }

  private async post(upload: ImageUpload): Promise<JsonRecord> {
    const entity = imageEntity(upload.parent);
    const relative = fillPath(pathFor(entity, 'create'), { [entity.parentKeys[0]]: upload.parentId });
    const context: RequestContext = { method: 'POST', entity: entity.name, path: relative };
    const url = await this.api.client.url(entity.root, relative);
    const body = multipartBody(upload);
    try {
      const response = await this.api.client.call({ method: 'POST', url: url.toString(), body, context, unsafeToRepeat: UNSAFE_TO_REPEAT });
      const [record] = extractRecords(response.body, entity.responseKey, context);
      if (!record) throw new MalformedResponseError(`the answer holds no ${entity.responseKey}; ${UNSAFE_TO_REPEAT}`, context);
      return normalizeRecord(record, shapeOf(entity));
    } finally {
      body.close();
    }
  }

  /** The parent's images with the upload's file name and size, newest first. */
  private async lookUp(upload: ImageUpload, failure: ComponentError): Promise<JsonRecord[]> {
    const entity = imageEntity(upload.parent);
    const found: JsonRecord[] = [];
    try {
      for await (const image of this.api.records(entity, { pathValues: { [entity.parentKeys[0]]: upload.parentId } })) {
        if (image.filename === upload.file.filename && Number(image.size) === upload.file.size) found.push(image);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failure.message += `; looking the ${upload.parent}'s images up failed too (${reason})`;
      throw failure;
    }
    return found.sort((a, b) => Number(b.imageID) - Number(a.imageID));
  }
}

/** A failure after which Lightspeed may hold the upload: no answer, a 5xx, or a 2xx that cannot be read. */
function answerLost(error: unknown): error is ComponentError {
  return (error instanceof TransportError && error.mayHaveBeenApplied)
    || error instanceof ServerError
    || error instanceof MalformedResponseError;
}

function imageEntity(parent: ImageParent): EntitySpec {
  return getEntity(IMAGE_PARENTS[parent]);
}

/** The upload as a multipart body, rebuilt for every attempt; `close` drops a file stream an attempt left unread. */
function multipartBody(upload: ImageUpload): StreamedBody & { close(): void } {
  const { file } = upload;
  let current: NodeJS.ReadableStream | undefined;
  const close = (): void => {
    (current as { destroy?: () => void } | undefined)?.destroy?.();
    current = undefined;
  };
  return {
    kind: 'streamed',
    open() {
      close();
      current = file.open();
      const form = new FormData();
      form.append('data', JSON.stringify({ description: upload.description, ordering: upload.ordering, filename: file.filename }));
      form.append('image', current, { filename: file.filename, contentType: file.contentType, knownLength: file.size });
      return { stream: form, headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) } };
    },
    close,
  };
}
