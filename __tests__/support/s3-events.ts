import type { S3Client } from '@aws-sdk/client-s3';
import { encodeS3EventKey } from '../../handlers/shared/s3-keys';

export interface EventObject {
  /** The decoded key; encoded the way S3 writes it into the notification. */
  readonly key?: string;
  /** Put into the event verbatim instead of the encoded `key`. */
  readonly rawKey?: string;
  readonly size?: number;
}

/** An S3 ObjectCreated notification with one record per object (or decoded key), shaped as S3 sends it. */
export function s3Event(bucket: string, ...objects: Array<EventObject | string>) {
  return {
    Records: objects.map((object) => (typeof object === 'string' ? { key: object } : object)).map((o) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'eu-west-1',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: o.rawKey ?? encodeS3EventKey(o.key ?? ''),
          ...(o.size === undefined ? {} : { size: o.size }),
          eTag: '0123456789abcdef',
          sequencer: '0055AED6DCD90281E5',
        },
      },
    })),
  };
}

/** Counts the GetObject calls an S3 client makes, so a test can prove a refusal came before any download. */
export function countGetObject(s3: S3Client): { readonly count: () => number } {
  let calls = 0;
  s3.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'GetObjectCommand') calls++;
      return next(args);
    },
    { step: 'initialize', name: 'countGetObject' },
  );
  return { count: () => calls };
}
