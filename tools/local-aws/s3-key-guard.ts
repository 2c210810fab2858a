import { isAbsolute, relative, resolve, sep } from 'node:path';
import type S3rver from 's3rver';
import type { S3rverContext } from 's3rver';
import type { ErrorCode } from '../../handlers/shared/error-codes';

/**
 * s3rver keeps each object as files named after its key (`<dir>/<bucket>/<a>/<b>._S3rver_object`).
 * A key S3 accepts can therefore escape that directory (`..`), or make a file name the
 * filesystem refuses (a 255-byte segment plus s3rver's suffix: ENAMETOOLONG, which s3rver
 * leaves unhandled and which kills the process). The guard refuses such keys before s3rver
 * sees the request.
 */
export type UnsafeKeyReason = 'path_traversal' | 'absolute_path' | 'backslash' | 'control_character' | 'malformed_encoding' | 'name_too_long';

export interface UnsafeKey {
  readonly reason: UnsafeKeyReason;
  readonly message: string;
}

/** The longest suffix s3rver appends to a key's last segment. */
const S3RVER_SUFFIX = '._S3rver_metadata.json';
/** NAME_MAX of the usual Linux and macOS filesystems, in bytes. */
const NAME_MAX = 255;
export const MAX_LOCAL_SEGMENT_BYTES = NAME_MAX - Buffer.byteLength(S3RVER_SUFFIX);

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why s3rver must not store `key` (or a bucket named `key`), or undefined when it is safe. */
export function unsafeLocalKey(key: string): UnsafeKey | undefined {
  if (key.startsWith('/')) return { reason: 'absolute_path', message: 'the key starts with "/", an absolute path on disk' };
  if (key.includes('\\')) return { reason: 'backslash', message: 'the key contains a backslash, a path separator on some systems' };
  if (CONTROL.test(key)) return { reason: 'control_character', message: 'the key contains a control character (NUL, newline, ...)' };
  for (const segment of key.split('/')) {
    if (segment === '..' || segment === '.') {
      return { reason: 'path_traversal', message: `the key has a "${segment}" segment, which would leave s3rver's data directory` };
    }
    const bytes = Buffer.byteLength(segment);
    if (bytes > MAX_LOCAL_SEGMENT_BYTES) {
      return {
        reason: 'name_too_long',
        message: `a key segment is ${bytes} bytes; s3rver stores at most ${MAX_LOCAL_SEGMENT_BYTES} (file names are ${NAME_MAX} bytes, less its suffix)`,
      };
    }
  }
  return undefined;
}

/** A request refused by the guard, with the bucket and key it named. */
export class UnsafeLocalKeyError extends Error {
  readonly code: ErrorCode = 'INVALID_REQUEST';

  constructor(
    /** The HTTP method of the refused request, or `STORE` when the store's backstop refused a path. */
    readonly method: string,
    readonly bucket: string,
    readonly key: string,
    readonly reason: UnsafeKeyReason,
    detail: string,
  ) {
    super(`s3rver refuses this key: ${detail}`);
    this.name = 'UnsafeLocalKeyError';
  }
}

function decode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The bucket and key a path-style request names, decoded as s3rver's router decodes them. */
function target(path: string): { bucket: string; key: string } | UnsafeKey {
  const [, rawBucket = '', ...rawKey] = path.split('/');
  const bucket = decode(rawBucket);
  const key = decode(rawKey.join('/'));
  if (bucket === undefined || key === undefined) return { reason: 'malformed_encoding', message: 'the path has broken percent-encoding' };
  return { bucket, key };
}

/** `x-amz-copy-source` (`[/]bucket/key[?versionId=...]`) as a path. */
const copySourcePath = (header: string) => `/${header.replace(/^\//, '').replace(/\?.*$/, '')}`;

function check(method: string, path: string): UnsafeLocalKeyError | undefined {
  const named = target(path);
  if ('reason' in named) return new UnsafeLocalKeyError(method, '', path, named.reason, named.message);
  const problem = unsafeLocalKey(named.bucket) ?? (named.key ? unsafeLocalKey(named.key) : undefined);
  return problem && new UnsafeLocalKeyError(method, named.bucket, named.key, problem.reason, problem.message);
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Installs the guard in front of every s3rver route: a refused request gets S3's
 * `InvalidArgument` (400) and `onRefused` hears of it. As a backstop, s3rver's store
 * refuses any path that resolves outside `directory`, whatever request built it.
 */
export function guardLocalKeys(server: S3rver, directory: string, onRefused: (error: UnsafeLocalKeyError) => void): void {
  server.middleware.unshift(async (ctx: S3rverContext, next: () => Promise<void>) => {
    const copySource = ctx.get('x-amz-copy-source');
    const refused = check(ctx.method, ctx.path) ?? (copySource ? check(ctx.method, copySourcePath(copySource)) : undefined);
    if (!refused) return next();
    onRefused(refused);
    ctx.status = 400;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidArgument</Code><Message>${xmlEscape(refused.message)}</Message></Error>`;
  });

  const root = resolve(directory);
  const inside = (path: string) => {
    const rel = relative(root, resolve(path));
    return rel !== '' && rel.split(sep)[0] !== '..' && !isAbsolute(rel);
  };
  const store = server.store;
  const resourcePath = store.getResourcePath.bind(store);
  store.getResourcePath = (bucket, key, resource) => {
    const path = resourcePath(bucket, key, resource);
    if (!inside(path)) throw new UnsafeLocalKeyError('STORE', bucket, key ?? '', 'path_traversal', `${path} is outside ${root}`);
    return path;
  };
  const bucketPath = store.getBucketPath.bind(store);
  store.getBucketPath = (bucket) => {
    const path = bucketPath(bucket);
    if (!inside(path)) throw new UnsafeLocalKeyError('STORE', bucket, '', 'path_traversal', `${path} is outside ${root}`);
    return path;
  };
}
