import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { artifactKey } from '../../contract/artifacts';
import { classifyAwsError } from '../../handlers/shared/aws-errors';
import { ObjectNotFoundError } from '../../handlers/shared/errors';

export interface PublishRequest {
  readonly bucket: string;
  readonly functionName: string;
  readonly zip: Buffer;
}

export interface PublishResult {
  readonly key: string;
  readonly sha256: string;
  /** `unchanged`: the current object already has this content, so no new version was made. */
  readonly status: 'uploaded' | 'unchanged';
  readonly versionId?: string;
}

/** The bytes are not a zip archive: Lambda would reject them at deploy time, long after the upload. */
export class NotAZipError extends Error {
  readonly code = 'INVALID_REQUEST';
  override readonly name = 'NotAZipError';
}

const LOCAL_FILE_HEADER = Buffer.from('PK\x03\x04', 'latin1');
const END_OF_CENTRAL_DIRECTORY = Buffer.from('PK\x05\x06', 'latin1');
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_RECORD_SEARCH = 22 + 0xffff;

/** Throws `NotAZipError` unless `bytes` start like a zip and carry its end-of-central-directory record. */
export function assertZipArchive(bytes: Buffer, what: string): void {
  const tail = bytes.subarray(Math.max(0, bytes.length - END_RECORD_SEARCH));
  const looksLikeZip = (bytes.subarray(0, 4).equals(LOCAL_FILE_HEADER) || bytes.subarray(0, 4).equals(END_OF_CENTRAL_DIRECTORY)) && tail.includes(END_OF_CENTRAL_DIRECTORY);
  if (!looksLikeZip) throw new NotAZipError(`${what} is not a zip archive (no PK zip signature)`);
}

/** User metadata key holding the zip's SHA-256 (hex), written on every upload. */
export const SHA256_METADATA = 'sha256';

/** The content hash of the current `<fn>.zip`, or null when there is none. */
async function currentHashes(s3: S3Client, bucket: string, key: string): Promise<{ sha256?: string; etag?: string } | null> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { sha256: head.Metadata?.[SHA256_METADATA], etag: head.ETag?.replace(/"/g, '') };
  } catch (err) {
    if (classifyAwsError(err, `HeadObject s3://${bucket}/${key}`) instanceof ObjectNotFoundError) return null;
    throw err;
  }
}

/**
 * Uploads `<fn>.zip` to the lambda bucket unless the current object has the same
 * content: a new object version is what makes the next `cdktf deploy` update the
 * function (its `data "aws_s3_object" "<fn>_zip"` reads the current version), so an
 * identical re-upload would redeploy for nothing. Objects uploaded by other tools
 * carry no sha256 metadata; for those the single-part ETag (the MD5) is compared.
 */
export async function publishArtifact(s3: S3Client, request: PublishRequest): Promise<PublishResult> {
  assertZipArchive(request.zip, `the artifact of ${request.functionName}`);
  const key = artifactKey(request.functionName);
  const sha256 = createHash('sha256').update(request.zip).digest('hex');
  const md5 = createHash('md5').update(request.zip).digest('hex');
  const current = await currentHashes(s3, request.bucket, key);
  if (current && (current.sha256 === sha256 || (!current.sha256 && current.etag === md5))) {
    return { key, sha256, status: 'unchanged' };
  }
  const put = await s3.send(
    new PutObjectCommand({
      Bucket: request.bucket,
      Key: key,
      Body: request.zip,
      ContentType: 'application/zip',
      Metadata: { [SHA256_METADATA]: sha256 },
    }),
  );
  return { key, sha256, status: 'uploaded', versionId: put.VersionId };
}
