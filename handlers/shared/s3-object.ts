import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { classifyAwsError } from './aws-errors';
import { ObjectTooLargeError } from './errors';
import type { S3ObjectRef } from './s3-event';

export interface FetchedObject {
  readonly body: Buffer;
  readonly metadata: Record<string, string>;
  readonly lastModified?: Date;
  readonly contentType?: string;
  readonly versionId?: string;
}

export const DEFAULT_MAX_OBJECT_BYTES = 10 * 1024 * 1024;

function tooLarge(ref: S3ObjectRef, size: number, maxBytes: number): ObjectTooLargeError {
  return new ObjectTooLargeError(`The object is ${size} bytes; the limit is ${maxBytes} bytes`, {
    context: { key: ref.key, size, maxBytes },
  });
}

/**
 * Downloads an object with a size cap that is checked before the download (from
 * the event's size and the object's Content-Length) and again while streaming,
 * so an oversized object is never read into memory.
 */
export async function fetchObject(s3: S3Client, ref: S3ObjectRef, maxBytes = DEFAULT_MAX_OBJECT_BYTES): Promise<FetchedObject> {
  if (ref.size !== undefined && ref.size > maxBytes) throw tooLarge(ref, ref.size, maxBytes);
  let response;
  try {
    response = await s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
  } catch (err) {
    throw classifyAwsError(err, `GetObject s3://${ref.bucket}/${ref.key}`);
  }
  const length = response.ContentLength;
  const stream = response.Body as AsyncIterable<Uint8Array> & { destroy?: () => void };
  if (length !== undefined && length > maxBytes) {
    stream?.destroy?.();
    throw tooLarge(ref, length, maxBytes);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of stream) {
      received += chunk.byteLength;
      if (received > maxBytes) {
        stream.destroy?.();
        throw tooLarge(ref, received, maxBytes);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof ObjectTooLargeError) throw err;
    throw classifyAwsError(err, `GetObject s3://${ref.bucket}/${ref.key} (body)`);
  }
  return {
    body: Buffer.concat(chunks),
    metadata: response.Metadata ?? {},
    lastModified: response.LastModified,
    contentType: response.ContentType,
    versionId: response.VersionId,
  };
}

