import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  InternalServerError,
  ItemCollectionSizeLimitExceededException,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ResourceNotFoundException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { NoSuchKey, S3ServiceException } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createServer } from 'node:net';
import { classifyAwsError, classifyAwsErrorKind } from '../../../handlers/shared/aws-errors';
import { ConfigurationError, DependencyError, ObjectNotFoundError, RejectedRequestError } from '../../../handlers/shared/errors';

const meta = (httpStatusCode: number) => ({ httpStatusCode, requestId: 'r1', attempts: 1, totalRetryDelay: 0 });

function marshallError(): unknown {
  try {
    marshall({ UserID: 'u1', 'Total Amount': 99_999_999_999_999_999 });
  } catch (err) {
    return err;
  }
  throw new Error('the marshaller accepted a number above Number.MAX_SAFE_INTEGER');
}

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: meta(status), message: name });
}

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: meta(400), CancellationReasons: codes.map((Code) => ({ Code })) });

describe('classifyAwsError', () => {
  it.each([
    ['ProvisionedThroughputExceededException', new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: meta(400) })],
    ['InternalServerError (500)', new InternalServerError({ message: 'oops', $metadata: meta(500) })],
    ['S3 SlowDown (503)', s3Error('SlowDown', 503)],
    ['S3 InternalError (500)', s3Error('InternalError', 500)],
    ['a 429 with an unknown name', s3Error('TooMany', 429)],
    ['a socket timeout (node-http-handler TimeoutError)', Object.assign(new Error('socket timed out'), { name: 'TimeoutError' })],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['ECONNREFUSED as the SDK rethrows it', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', $metadata: { attempts: 1 } })],
    ['a transaction cancelled by throttling', cancelled('None', 'ThrottlingError')],
    ['a transaction conflict', cancelled('TransactionConflict')],
  ])('%s is transient (DependencyError, retried)', (_what, err) => {
    expect(classifyAwsErrorKind(err)).toBe('transient');
    const mapped = classifyAwsError(err, 'op');
    expect(mapped).toBeInstanceOf(DependencyError);
    expect(mapped.transient).toBe(true);
  });

  it.each([
    ['the marshaller refusing 99 999 999 999 999 999', marshallError()],
    ['ValidationException', s3Error('ValidationException', 400)],
    ['ConditionalCheckFailedException', new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: meta(400) })],
    ['ItemCollectionSizeLimitExceededException', new ItemCollectionSizeLimitExceededException({ message: 'too big', $metadata: meta(400) })],
    ['a transaction cancelled by a failed condition', cancelled('None', 'ConditionalCheckFailed')],
    ['a transaction cancelled by a validation error', cancelled('ValidationError')],
    ['a plain Error without any AWS shape', new Error('something odd')],
  ])('%s is permanent (RejectedRequestError, VALIDATION_ERROR, not retried)', (_what, err) => {
    expect(classifyAwsErrorKind(err)).toBe('permanent');
    const mapped = classifyAwsError(err, 'PutItem RentalInvoices');
    expect(mapped).toBeInstanceOf(RejectedRequestError);
    expect(mapped.transient).toBe(false);
    expect(mapped.code).toBe('VALIDATION_ERROR');
    expect(mapped.message).toMatch(/^PutItem RentalInvoices was refused: /);
  });

  it('names the marshaller limit in the message', () => {
    expect(classifyAwsError(marshallError(), 'PutItem T').message).toMatch(/MAX_SAFE_INTEGER/);
  });

  it.each([
    ['NoSuchKey', new NoSuchKey({ message: 'gone', $metadata: meta(404) })],
    ['a bare 404', s3Error('NotFound', 404)],
  ])('%s is a permanent ObjectNotFoundError', (_what, err) => {
    const mapped = classifyAwsError(err, 'GetObject');
    expect(mapped).toBeInstanceOf(ObjectNotFoundError);
    expect(mapped.transient).toBe(false);
  });

  it.each([
    ['a missing table', new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: meta(400) })],
    ['AccessDenied (403)', s3Error('AccessDenied', 403)],
  ])('%s is a ConfigurationError: kept through retries and the failure queue, like a missing setting', (_what, err) => {
    const mapped = classifyAwsError(err, 'op');
    expect(mapped).toBeInstanceOf(ConfigurationError);
    expect(mapped.transient).toBe(true);
  });

  it('classifies a real connection refused from the SDK as transient', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-1', maxAttempts: 1, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    const err = await client.send(new PutItemCommand({ TableName: 't', Item: { k: { S: 'v' } } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    client.destroy();
    expect(err).toBeDefined();
    expect(classifyAwsError(err, 'PutItem t')).toBeInstanceOf(DependencyError);
  });
});
