// s3rver ships no type declarations; this covers the part of its API the project uses.
declare module 's3rver' {
  import { EventEmitter } from 'node:events';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }

  /** The part of s3rver's Koa context the key guard uses. */
  interface S3rverContext {
    /** The raw (still percent-encoded) request path. */
    readonly path: string;
    readonly method: string;
    get(header: string): string;
    status: number;
    type: string;
    body: unknown;
  }

  type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => unknown;

  /** s3rver's FilesystemStore: every file path it touches comes from these two methods. */
  interface S3rverStore {
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  }

  class S3rver extends EventEmitter {
    /** Koa's middleware list; composed when the server starts listening. */
    readonly middleware: S3rverMiddleware[];
    readonly store: S3rverStore;
    constructor(options?: S3rverOptions);
    run(): Promise<{ address: string; port: number; family: string }>;
    close(): Promise<void>;
    reset(): void;
  }

  namespace S3rver {
    export type { S3rverContext, S3rverMiddleware, S3rverStore };
  }
  export = S3rver;
}
