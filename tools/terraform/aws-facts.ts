import { createHash } from 'node:crypto';
import { stateStrings, type TerraformState } from './state-file';

/**
 * What the offline AWS endpoints answer, taken from the state being planned so that
 * data sources read back exactly what that state holds. Anything the state does not
 * know gets a deterministic stand-in (the same input gives the same answer every run).
 */
export interface AwsFacts {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  /** Versioned layer ARNs the state refers to. */
  readonly layerVersionArns: readonly string[];
  /** `bucket/key` → object version and ETag. */
  readonly objects: ReadonlyMap<string, { readonly versionId: string; readonly etag: string }>;
  /** `repository:tag` → image digest. */
  readonly imageDigests: ReadonlyMap<string, string>;
}

const ARN = /^arn:([a-z-]+):[a-z0-9-]*:([a-z0-9-]*):(\d{12}):/;
const LAYER_VERSION_ARN = /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+$/;
const IMAGE_URI = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/;
/** The Klayers publisher, whose ARNs must not be taken for the state's own account. */
const FOREIGN_ACCOUNTS = new Set(['770693421928']);

export const FALLBACK_ACCOUNT_ID = '123456789012';
export const FALLBACK_REGION = 'eu-west-1';

export function stableDigest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/** A version id shaped like S3's (32 URL-safe characters), stable per bucket/key. */
export function stableVersionId(bucket: string, key: string): string {
  return Buffer.from(stableDigest('version', bucket, key), 'hex').toString('base64url').slice(0, 32);
}

export function awsFactsFromState(state: TerraformState | undefined): AwsFacts {
  let partition = 'aws';
  let accountId: string | undefined;
  let region: string | undefined;
  const layers = new Set<string>();
  const imageDigests = new Map<string, string>();
  for (const s of state ? stateStrings(state) : []) {
    const arn = ARN.exec(s);
    if (arn && !FOREIGN_ACCOUNTS.has(arn[3])) {
      partition = arn[1];
      accountId ??= arn[3];
      if (arn[2]) region ??= arn[2];
    }
    if (LAYER_VERSION_ARN.test(s)) layers.add(s);
    const image = IMAGE_URI.exec(s);
    if (image?.[2]) imageDigests.set(`${image[1]}:${image[2]}`, image[3] ?? `sha256:${stableDigest('image', image[1], image[2])}`);
  }
  const objects = new Map<string, { versionId: string; etag: string }>();
  for (const r of state?.resources ?? []) {
    for (const { attributes: a } of r.instances) {
      if (r.type === 'aws_s3_object' && typeof a.bucket === 'string' && typeof a.key === 'string' && typeof a.version_id === 'string') {
        objects.set(`${a.bucket}/${a.key}`, { versionId: a.version_id, etag: String(a.etag ?? stableDigest(a.bucket, a.key).slice(0, 32)) });
      }
      if (r.type === 'aws_lambda_function' && typeof a.s3_bucket === 'string' && typeof a.s3_key === 'string' && typeof a.s3_object_version === 'string') {
        const key = `${a.s3_bucket}/${a.s3_key}`;
        if (!objects.has(key)) objects.set(key, { versionId: a.s3_object_version, etag: stableDigest(key).slice(0, 32) });
      }
    }
  }
  return {
    partition,
    accountId: accountId ?? FALLBACK_ACCOUNT_ID,
    region: region ?? FALLBACK_REGION,
    layerVersionArns: [...layers],
    objects,
    imageDigests,
  };
}
