import { randomBytes } from 'node:crypto';
import { encodeS3EventKey } from '../../handlers/shared/s3-keys';

/** An object write, as the local S3 server reports it. */
export interface ObjectWrite {
  readonly bucket: string;
  /** The object key as stored (not encoded). */
  readonly key: string;
  readonly size: number;
  /** Hex MD5 without quotes, as S3 puts it in events. */
  readonly eTag?: string;
  /** @default 'ObjectCreated:Put' */
  readonly eventName?: string;
}

export interface NotificationContext {
  readonly region: string;
  /** The notification configuration's id. */
  readonly configurationId: string;
  /** @default now */
  readonly eventTime?: Date;
  /** @default the next value of a process-wide, increasing sequencer */
  readonly sequencer?: string;
}

let lastSequence = 0n;

/** S3's sequencer: a hex string that grows for later events on a key; compared as equal-length strings. */
export function nextSequencer(): string {
  const now = BigInt(Date.now()) << 16n;
  lastSequence = now > lastSequence ? now : lastSequence + 1n;
  return lastSequence.toString(16).toUpperCase().padStart(18, '0');
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

/** The event S3 sends a Lambda function for one write: one record, key form-encoded. */
export function buildS3Event(write: ObjectWrite, context: NotificationContext) {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: context.region,
        eventTime: (context.eventTime ?? new Date()).toISOString(),
        eventName: write.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: `AWS:${hex(10)}` },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': hex(8), 'x-amz-id-2': randomBytes(32).toString('base64') },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: context.configurationId,
          bucket: {
            name: write.bucket,
            ownerIdentity: { principalId: hex(7) },
            arn: `arn:${partitionOf(context.region)}:s3:::${write.bucket}`,
          },
          object: {
            key: encodeS3EventKey(write.key),
            size: write.size,
            ...(write.eTag ? { eTag: write.eTag } : {}),
            sequencer: context.sequencer ?? nextSequencer(),
          },
        },
      },
    ],
  };
}

export type S3Event = ReturnType<typeof buildS3Event>;
