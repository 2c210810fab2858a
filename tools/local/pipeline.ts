import type { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { AwsClients } from '../../handlers/shared/clients';
import type { S3EventHandler } from '../../handlers/shared/handler-deps';
import { silentLogger, type Logger } from '../../handlers/shared/logger';
import { REFUSED_EVENT } from '../local-aws/s3-server';
import { UnsafeLocalKeyError } from '../local-aws/s3-key-guard';
import { BoundedQueue } from './bounded-queue';
import { summarizeEnvelope, type EventReport } from './event-report';
import type { HandlerLoader } from './handler-registry';
import { matchRoutes } from './router';
import { buildS3Event, type ObjectWrite } from './s3-notification';
import type { NotificationRoute, StackModel } from './stack-model';

export interface PipelineOptions {
  readonly stack: StackModel;
  /** Clients the handlers use (pointed at the loopback servers). */
  readonly clients: AwsClients;
  readonly loadHandler: HandlerLoader;
  /** Handler invocations at a time. @default 4 */
  readonly concurrency?: number;
  /** Invocations after the first when a handler throws, as Lambda's asynchronous invoke retries. @default 2 */
  readonly retries?: number;
  /** @default 50 */
  readonly retryDelayMs?: number;
  /** The logger each handler gets. @default silent */
  readonly handlerLogger?: (functionName: string) => Logger;
  /** Called once per event, when it is done. */
  readonly onReport?: (report: EventReport) => void;
}

export interface Pipeline {
  /** Routes one object write and processes it in the background. */
  accept(write: ObjectWrite): void;
  /** Reports a request the local S3 server refused (an unsafe key): outcome `refused`, no handler runs. */
  refused(error: UnsafeLocalKeyError): void;
  /** Feeds every write a local S3 server (s3rver) reports into `accept`, and every refusal into `refused`; returns the unsubscribe function. */
  attach(server: EventEmitter): () => void;
  /** Resolves once every accepted event is done. */
  idle(): Promise<void>;
  readonly reports: readonly EventReport[];
  /** The most handler invocations that ran at once. */
  readonly maxConcurrent: number;
}

/** The part of an s3rver `event` record the pipeline reads. */
interface S3rverRecord {
  readonly eventName?: string;
  readonly s3?: { readonly bucket?: { readonly name?: string }; readonly object?: { readonly key?: string; readonly size?: number; readonly eTag?: string } };
}

/** s3rver reports writes with the raw key; the pipeline builds the real notification from it. */
export function writesFromS3rverEvent(event: unknown): ObjectWrite[] {
  const records = (event as { Records?: readonly S3rverRecord[] } | null)?.Records ?? [];
  return records.flatMap((r) => {
    const bucket = r.s3?.bucket?.name;
    const key = r.s3?.object?.key;
    if (!bucket || key === undefined) return [];
    return [{ bucket, key, size: r.s3?.object?.size ?? 0, eTag: r.s3?.object?.eTag, eventName: r.eventName ?? 'ObjectCreated:Put' }];
  });
}

/** Milliseconds since `start`, to 0.1 ms. */
const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;

const errorOf = (err: unknown) => (err instanceof Error ? { code: err.name, message: err.message } : { code: 'Error', message: String(err) });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * S3 notifications → Lambda handlers, in-process: every write is matched against
 * the stack's `lambda_function` blocks and, when one matches, delivered to that
 * function's handler with the function's synthesized environment.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const queue = new BoundedQueue(options.concurrency ?? 4);
  const retries = options.retries ?? 2;
  const handlers = new Map<string, Promise<S3EventHandler | undefined>>();
  const reports: EventReport[] = [];

  function handlerFor(functionName: string): Promise<S3EventHandler | undefined> {
    let handler = handlers.get(functionName);
    if (!handler) {
      handler = options.loadHandler(functionName).then((factory) =>
        factory?.({
          clients: options.clients,
          env: options.stack.functions[functionName]?.environment ?? {},
          logger: options.handlerLogger?.(functionName) ?? silentLogger,
        }),
      );
      handlers.set(functionName, handler);
    }
    return handler;
  }

  function report(entry: EventReport): void {
    reports.push(entry);
    options.onReport?.(entry);
  }

  async function invoke(write: ObjectWrite, route: NotificationRoute): Promise<void> {
    const started = performance.now();
    const base = { bucket: write.bucket, key: write.key, eventName: write.eventName ?? 'ObjectCreated:Put', function: route.functionName };
    const handler = await handlerFor(route.functionName);
    if (!handler) {
      const message = `No handler source for ${route.functionName} under handlers/`;
      report({ ...base, outcome: 'error', InvoiceID: null, error: { code: 'NO_HANDLER', message }, ms: elapsed(started) });
      return;
    }
    const event = buildS3Event(write, { region: options.stack.region, configurationId: `${route.functionName}-trigger` });
    let lastError: unknown;
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      try {
        const envelope = await handler(event);
        report({ ...base, ...summarizeEnvelope(envelope), attempts: attempt, ms: elapsed(started) });
        return;
      } catch (err) {
        lastError = err;
        if (attempt <= retries) await delay((options.retryDelayMs ?? 50) * attempt);
      }
    }
    report({ ...base, outcome: 'error', InvoiceID: null, error: errorOf(lastError), attempts: retries + 1, ms: elapsed(started) });
  }

  function accept(write: ObjectWrite): void {
    const eventName = write.eventName ?? 'ObjectCreated:Put';
    const routes = matchRoutes(options.stack.routes, { bucket: write.bucket, key: write.key, eventName });
    if (routes.length === 0) {
      report({ bucket: write.bucket, key: write.key, eventName, function: null, outcome: 'not_routed', InvoiceID: null, ms: 0 });
      return;
    }
    for (const route of routes) {
      const queued = performance.now();
      queue.push(() =>
        invoke(write, route).catch((err: unknown) =>
          report({ bucket: write.bucket, key: write.key, eventName, function: route.functionName, outcome: 'error', InvoiceID: null, error: errorOf(err), ms: elapsed(queued) }),
        ),
      );
    }
  }

  function refused(error: UnsafeLocalKeyError): void {
    report({
      bucket: error.bucket,
      key: error.key,
      eventName: error.method,
      function: null,
      outcome: 'refused',
      InvoiceID: null,
      status: 400,
      error: { code: error.code, message: `${error.reason}: ${error.message}` },
      ms: 0,
    });
  }

  return {
    accept,
    refused,
    attach(server) {
      const onWrite = (event: unknown) => writesFromS3rverEvent(event).forEach(accept);
      const onRefused = (error: unknown) => error instanceof UnsafeLocalKeyError && refused(error);
      server.on('event', onWrite);
      server.on(REFUSED_EVENT, onRefused);
      return () => {
        server.off('event', onWrite);
        server.off(REFUSED_EVENT, onRefused);
      };
    },
    idle: () => queue.onIdle(),
    reports,
    get maxConcurrent() {
      return queue.maxRunning;
    },
  };
}
