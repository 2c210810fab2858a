import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalAws, type LocalAws } from '../../support/local-aws';

describe('loopback AWS servers', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  }, 60000);
  afterAll(() => aws?.stop());

  it('round-trips an object through s3rver', async () => {
    await aws.clients.s3.send(new PutObjectCommand({ Bucket: aws.bucket, Key: 'invoices/u1/rental/a b.pdf', Body: 'hello' }));
    const got = await aws.clients.s3.send(new GetObjectCommand({ Bucket: aws.bucket, Key: 'invoices/u1/rental/a b.pdf' }));
    expect(await got.Body?.transformToString()).toBe('hello');
  });

  it('round-trips an item through DynamoDB Local with the RentalInvoices key schema', async () => {
    await aws.clients.ddb.send(new PutCommand({ TableName: 'RentalInvoices', Item: { UserID: 'u1', InvoiceID: 'Invoice_1', 'Total Amount': 12.5 } }));
    const got = await aws.clients.ddb.send(new GetCommand({ TableName: 'RentalInvoices', Key: { UserID: 'u1', InvoiceID: 'Invoice_1' } }));
    expect(got.Item).toEqual({ UserID: 'u1', InvoiceID: 'Invoice_1', 'Total Amount': 12.5 });
  });
});
