import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REFUSED_EVENT, startLocalS3, type LocalS3Server } from '../../../tools/local-aws/s3-server';
import { MAX_LOCAL_SEGMENT_BYTES, unsafeLocalKey, UnsafeLocalKeyError } from '../../../tools/local-aws/s3-key-guard';

describe('unsafeLocalKey', () => {
  it.each([
    ['invoices/u/rental/../../../../escape.pdf', 'path_traversal'],
    ['..', 'path_traversal'],
    ['invoices/./a.pdf', 'path_traversal'],
    ['/etc/passwd', 'absolute_path'],
    ['invoices\\..\\..\\x.pdf', 'backslash'],
    ['invoices/a\u0000.pdf', 'control_character'],
    ['invoices/a\n.pdf', 'control_character'],
    [`invoices/u/rental/${'a'.repeat(251)}.pdf`, 'name_too_long'],
    [`invoices/${'å'.repeat(117)}/a.pdf`, 'name_too_long'],
  ])('refuses %j (%s)', (key, reason) => {
    expect(unsafeLocalKey(key)).toEqual({ reason, message: expect.any(String) });
  });

  it.each([
    'invoices/u/rental/Hyresavi_1.pdf',
    'invoices/u/retail/clothing/knit&purl_2025-03-14_aa11bb22.html',
    'invoices/u//rental/a..b.pdf',
    'invoices/..hidden/x.pdf',
    `invoices/${'a'.repeat(MAX_LOCAL_SEGMENT_BYTES)}`,
  ])('accepts %j', (key) => {
    expect(unsafeLocalKey(key)).toBeUndefined();
  });
});

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** A PUT with the path exactly as given (no client-side normalization). */
function rawPut(port: number, path: string, body = 'x'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'PUT', path, headers: { 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startLocalS3 refuses keys that would escape its directory or that it cannot store', () => {
  let base: string;
  let s3: LocalS3Server;
  const refused: UnsafeLocalKeyError[] = [];

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'paypulse-key-guard-'));
    mkdirSync(join(base, 'data'));
    s3 = await startLocalS3({ directory: join(base, 'data') });
    s3.server.on(REFUSED_EVENT, (error: UnsafeLocalKeyError) => refused.push(error));
    expect((await rawPut(s3.port, '/bucket')).status).toBe(200);
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it.each([
    ['/bucket/invoices/u/rental/../../../../escape.pdf', 'path_traversal'],
    ['/bucket/invoices%2F..%2F..%2F..%2Fescape-encoded.pdf', 'path_traversal'],
    ['/bucket/..%2F..%2Fescape-root.pdf', 'path_traversal'],
    ['/../escape-bucket/x.pdf', 'path_traversal'],
    ['/bucket/invoices%5C..%5C..%5Cbackslash.pdf', 'backslash'],
    ['/bucket/%2Fetc%2Fabsolute.pdf', 'absolute_path'],
    ['/bucket/invoices/a%00.pdf', 'control_character'],
    ['/bucket/invoices/%E0%A4%A.pdf', 'malformed_encoding'],
    [`/bucket/invoices/u/rental/${'a'.repeat(251)}.pdf`, 'name_too_long'],
  ])('PUT %s is a 400 InvalidArgument (%s), and the server keeps serving', async (path, reason) => {
    const before = refused.length;
    const response = await rawPut(s3.port, path);
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>InvalidArgument</Code>');
    expect(refused.slice(before)).toEqual([expect.objectContaining({ name: 'UnsafeLocalKeyError', code: 'INVALID_REQUEST', method: 'PUT', reason })]);
    expect((await rawPut(s3.port, '/bucket/invoices/ok.pdf')).status).toBe(200);
  });

  it('refuses a copy whose source escapes', async () => {
    const response = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: s3.port, method: 'PUT', path: '/bucket/invoices/copy.pdf', headers: { 'x-amz-copy-source': '/bucket/../../../etc/hostname' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(response).toBe(400);
  });

  it('wrote nothing outside its data directory', () => {
    const outside = filesUnder(base).filter((file) => !file.startsWith(`data/`));
    expect(outside).toEqual([]);
    expect(filesUnder(join(base, 'data')).every((file) => file.startsWith('bucket/'))).toBe(true);
  });

  it('its store refuses a path outside the directory whatever request built it (backstop)', () => {
    expect(() => s3.server.store.getResourcePath('bucket', '../../escape', 'object')).toThrow(UnsafeLocalKeyError);
    expect(() => s3.server.store.getBucketPath('..')).toThrow(/outside/);
    expect(s3.server.store.getResourcePath('bucket', 'invoices/a.pdf', 'object')).toBe(join(base, 'data', 'bucket', 'invoices', 'a.pdf._S3rver_object'));
  });
});
