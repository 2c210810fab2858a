import { InvalidEventError } from './errors';
import { decodeS3EventKey } from './s3-keys';

/** One object named by an S3 event notification record, with its key decoded. */
export interface S3ObjectRef {
  readonly bucket: string;
  /** The decoded key (`+` → space, `%xx` → character). */
  readonly key: string;
  /** The key exactly as it arrived in the event. */
  readonly rawKey: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly versionId?: string;
  readonly eventName?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of an S3 event, or `InvalidEventError` when there are none to read. */
export function readS3Records(event: unknown): unknown[] {
  if (!isObject(event) || !Array.isArray(event.Records)) {
    throw new InvalidEventError('The event has no Records array: not an S3 event notification');
  }
  if (event.Records.length === 0) throw new InvalidEventError('The event has an empty Records array');
  return event.Records;
}

/** Reads bucket, key and object metadata from one record; throws `InvalidEventError` if any is missing. */
export function toObjectRef(record: unknown): S3ObjectRef {
  const s3 = isObject(record) ? record.s3 : undefined;
  if (!isObject(s3)) throw new InvalidEventError('The record has no s3 entry');
  const bucket = isObject(s3.bucket) ? s3.bucket.name : undefined;
  const object = isObject(s3.object) ? s3.object : undefined;
  if (typeof bucket !== 'string' || bucket.length === 0) throw new InvalidEventError('The record has no s3.bucket.name');
  if (!object || typeof object.key !== 'string' || object.key.length === 0) {
    throw new InvalidEventError('The record has no s3.object.key');
  }
  return {
    bucket,
    rawKey: object.key,
    key: decodeS3EventKey(object.key),
    size: typeof object.size === 'number' ? object.size : undefined,
    eTag: typeof object.eTag === 'string' ? object.eTag : undefined,
    versionId: typeof object.versionId === 'string' ? object.versionId : undefined,
    eventName: isObject(record) && typeof record.eventName === 'string' ? record.eventName : undefined,
  };
}
