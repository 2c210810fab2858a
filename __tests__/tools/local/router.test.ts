import { eventMatches, matchRoutes, overlappingRoutes } from '../../../tools/local/router';
import type { NotificationRoute } from '../../../tools/local/stack-model';

const route = (functionName: string, prefix: string, suffix: string, events = ['s3:ObjectCreated:*'], bucket = 'b'): NotificationRoute => ({
  bucket,
  functionName,
  events,
  prefix,
  suffix,
});
const ROUTES = [route('pdf', 'invoices/', '.pdf'), route('html', 'invoices/', '.html')];
const put = (key: string, bucket = 'b') => ({ bucket, key, eventName: 'ObjectCreated:Put' });

describe('router (S3 prefix/suffix semantics)', () => {
  it.each([
    ['invoices/u/rental/a.pdf', ['pdf']],
    ['invoices/u/retail/food-delivery/x_2025-01-01_ab.html', ['html']],
    ['invoices/a b & c.pdf', ['pdf']],
    ['rental-invoices/u/a.pdf', []],
    ['invoices/u/a.PDF', []],
    ['invoices/u/a.pdf.txt', []],
    ['Invoices/u/a.pdf', []],
  ])('%s → %j', (key, expected) => {
    expect(matchRoutes(ROUTES, put(key)).map((r) => r.functionName)).toEqual(expected);
  });

  it('matches only the notification’s bucket', () => {
    expect(matchRoutes(ROUTES, put('invoices/u/a.pdf', 'other'))).toEqual([]);
  });

  it.each([
    ['s3:ObjectCreated:*', 'ObjectCreated:Put', true],
    ['s3:ObjectCreated:*', 'ObjectCreated:Copy', true],
    ['s3:ObjectCreated:Put', 'ObjectCreated:Post', false],
    ['s3:ObjectCreated:*', 'ObjectRemoved:Delete', false],
  ])('event pattern %s vs %s → %s', (pattern, eventName, expected) => {
    expect(eventMatches(pattern, eventName)).toBe(expected);
  });

  it('decodes percent-encoded filter values, as S3 expects them written', () => {
    expect(matchRoutes([route('amp', 'invoices/a%26b/', '')], put('invoices/a&b/x.pdf'))).toHaveLength(1);
  });

  it('finds the overlaps S3 would reject, and none in the PayPulse pair', () => {
    expect(overlappingRoutes(ROUTES)).toEqual([]);
    expect(overlappingRoutes([route('a', 'invoices/', '.pdf'), route('b', 'invoices/rental/', '')])).toHaveLength(1);
    expect(overlappingRoutes([route('a', 'invoices/', '.pdf', ['s3:ObjectCreated:Put']), route('b', 'invoices/', '.pdf', ['s3:ObjectRemoved:*'])])).toEqual([]);
  });
});
