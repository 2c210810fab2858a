import { decodeS3EventKey } from '../../../handlers/shared/s3-keys';
import { toObjectRef } from '../../../handlers/shared/s3-event';
import { buildS3Event, nextSequencer } from '../../../tools/local/s3-notification';

describe('buildS3Event', () => {
  const event = buildS3Event(
    { bucket: 'rental-invoices-bucket', key: 'invoices/u1/rental/Hyra mars & april+.pdf', size: 1234, eTag: 'd41d8cd98f00b204e9800998ecf8427e' },
    { region: 'eu-west-1', configurationId: 'parse_invoice-trigger', eventTime: new Date('2025-03-14T10:00:00Z'), sequencer: '0055AED6DCD90281E5' },
  );

  it('writes the record as S3 does', () => {
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0]).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'eu-west-1',
      eventTime: '2025-03-14T10:00:00.000Z',
      eventName: 'ObjectCreated:Put',
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'parse_invoice-trigger',
        bucket: { name: 'rental-invoices-bucket', arn: 'arn:aws:s3:::rental-invoices-bucket' },
        object: { size: 1234, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
      },
    });
  });

  it('form-encodes the key (space → +, & → %26, + → %2B), and the handlers’ decoder restores it', () => {
    const raw = event.Records[0].s3.object.key;
    expect(raw).toBe('invoices/u1/rental/Hyra+mars+%26+april%2B.pdf');
    expect(decodeS3EventKey(raw)).toBe('invoices/u1/rental/Hyra mars & april+.pdf');
    expect(toObjectRef(event.Records[0])).toMatchObject({ bucket: 'rental-invoices-bucket', key: 'invoices/u1/rental/Hyra mars & april+.pdf', size: 1234 });
  });

  it('uses the region’s partition in the bucket ARN', () => {
    const cn = buildS3Event({ bucket: 'b', key: 'k', size: 0 }, { region: 'cn-north-1', configurationId: 'c' });
    expect(cn.Records[0].s3.bucket.arn).toBe('arn:aws-cn:s3:::b');
  });

  it('hands out increasing, equal-length sequencers', () => {
    const values = Array.from({ length: 50 }, nextSequencer);
    expect(new Set(values.map((v) => v.length))).toEqual(new Set([18]));
    expect([...values].sort()).toEqual(values);
    expect(new Set(values).size).toBe(50);
  });
});
