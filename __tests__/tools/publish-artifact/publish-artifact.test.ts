import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { createDeterministicZip } from '../../../tools/build/deterministic-zip';
import { NotAZipError, publishArtifact } from '../../../tools/publish-artifact/publish-artifact';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../tools/local-aws/local-credentials';
import { startLocalS3, type LocalS3Server } from '../../../tools/local-aws/s3-server';

/** A real (tiny) zip holding `text`. */
const zipOf = (text: string) => createDeterministicZip([{ name: 'main.py', data: Buffer.from(text) }]);

describe('publishArtifact (against s3rver)', () => {
  let server: LocalS3Server;
  let s3: S3Client;
  const bucket = 'wallenstam-lambda-bucket';

  beforeAll(async () => {
    server = await startLocalS3();
    s3 = new S3Client({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: server.endpoint, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  afterAll(async () => {
    s3.destroy();
    await server.stop();
  });

  it('uploads <fn>.zip with its sha256 as metadata, then skips an identical re-upload', async () => {
    const zip = await zipOf('v1');
    const first = await publishArtifact(s3, { bucket, functionName: 'login_user', zip });
    expect(first).toMatchObject({ key: 'login_user.zip', status: 'uploaded', sha256: createHash('sha256').update(zip).digest('hex') });
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'login_user.zip' }));
    expect(head.Metadata?.sha256).toBe(first.sha256);

    const second = await publishArtifact(s3, { bucket, functionName: 'login_user', zip });
    expect(second.status).toBe('unchanged');
  });

  it('uploads again when the content changes', async () => {
    await publishArtifact(s3, { bucket, functionName: 'get_invoices', zip: await zipOf('v1') });
    const changed = await publishArtifact(s3, { bucket, functionName: 'get_invoices', zip: await zipOf('v2') });
    expect(changed.status).toBe('uploaded');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'get_invoices.zip' }));
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(await zipOf('v2'));
  });

  it('recognises an identical object uploaded by another tool by its MD5 ETag', async () => {
    const zip = await zipOf('uploaded with the aws cli');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'signup_user.zip', Body: zip }));
    expect((await publishArtifact(s3, { bucket, functionName: 'signup_user', zip })).status).toBe('unchanged');
    expect((await publishArtifact(s3, { bucket, functionName: 'signup_user', zip: await zipOf('new build') })).status).toBe('uploaded');
  });

  it('refuses bytes that are not a zip archive, uploading nothing', async () => {
    await expect(publishArtifact(s3, { bucket, functionName: 'delete_user', zip: Buffer.from('PK but not a zip') })).rejects.toThrow(NotAZipError);
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'delete_user.zip' }))).rejects.toMatchObject({ name: 'NotFound' });
  });
});
