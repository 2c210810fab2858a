import { decodeS3EventKey } from '../../handlers/shared/s3-keys';
import type { NotificationRoute } from './stack-model';

/** What S3 matches a notification configuration against. */
export interface ObjectEvent {
  readonly bucket: string;
  /** The decoded object key. */
  readonly key: string;
  /** e.g. `ObjectCreated:Put`. */
  readonly eventName: string;
}

/** S3 wants special characters in filter values percent-encoded; a value that does not decode is taken literally. */
function filterValue(value: string): string {
  try {
    return decodeS3EventKey(value);
  } catch {
    return value;
  }
}

/** `s3:ObjectCreated:*` matches `ObjectCreated:Put`; an exact type matches only itself. */
export function eventMatches(pattern: string, eventName: string): boolean {
  const wanted = pattern.replace(/^s3:/, '');
  return wanted.endsWith(':*') ? eventName.startsWith(wanted.slice(0, -1)) : wanted === eventName;
}

/** S3 semantics: same bucket, an event type the block lists, and a key with that literal prefix and suffix (case-sensitive). */
export function routeMatches(route: NotificationRoute, event: ObjectEvent): boolean {
  return (
    route.bucket === event.bucket &&
    route.events.some((pattern) => eventMatches(pattern, event.eventName)) &&
    event.key.startsWith(filterValue(route.prefix)) &&
    event.key.endsWith(filterValue(route.suffix))
  );
}

/**
 * The routes an event fires. S3 refuses configurations where two blocks could
 * match the same key for the same event type (see `overlappingRoutes`), so this
 * is at most one route for any configuration S3 accepts.
 */
export function matchRoutes(routes: readonly NotificationRoute[], event: ObjectEvent): NotificationRoute[] {
  return routes.filter((route) => routeMatches(route, event));
}

const overlaps = (a: string, b: string, test: (x: string, y: string) => boolean) => test(a, b) || test(b, a);

function eventPatternsIntersect(a: string, b: string): boolean {
  const [x, y] = [a.replace(/^s3:/, ''), b.replace(/^s3:/, '')];
  if (x.endsWith('*')) return y.startsWith(x.slice(0, -1));
  if (y.endsWith('*')) return x.startsWith(y.slice(0, -1));
  return x === y;
}

/** Pairs of routes S3 would reject as overlapping: same bucket, a shared event type, nested prefixes and nested suffixes. */
export function overlappingRoutes(routes: readonly NotificationRoute[]): Array<[NotificationRoute, NotificationRoute]> {
  const pairs: Array<[NotificationRoute, NotificationRoute]> = [];
  routes.forEach((a, i) => {
    for (const b of routes.slice(i + 1)) {
      if (
        a.bucket === b.bucket &&
        a.events.some((x) => b.events.some((y) => eventPatternsIntersect(x, y))) &&
        overlaps(filterValue(a.prefix), filterValue(b.prefix), (x, y) => x.startsWith(y)) &&
        overlaps(filterValue(a.suffix), filterValue(b.suffix), (x, y) => x.endsWith(y))
      ) {
        pairs.push([a, b]);
      }
    }
  });
  return pairs;
}
