import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { REPO_ROOT } from '../build/paths';
import { startLocalPipeline, type LocalPipeline } from '../local/local-pipeline';
import { newSynthDir, synthesizeToWorkDir } from '../local/stack-source';
import { figure, type BenchFigure } from './measure';

const FOODBOLT = readFileSync(join(REPO_ROOT, '__tests__', 'fixtures', 'parse-retail-invoice', 'foodbolt.html'), 'utf8');
const EVENTS_PER_RUN = 60;
const UPLOAD_CONCURRENCY = 8;

/** Uploads `count` objects (3 PDFs : 2 receipts, all distinct invoices) and waits until the pipeline is idle; events/s. */
async function run(local: LocalPipeline, runId: string, count: number): Promise<number> {
  const bucket = local.stack.routes[0].bucket;
  // Each PDF carries its own OCR number (the InvoiceID), or they would be duplicates of one invoice.
  const pdfs = await Promise.all(Array.from({ length: count }, (_, i) => (i % 5 < 3 ? hyresaviPdf({ ...BASE_FIXTURE, ocr: String(1_000_000_000 + i) }) : undefined)));
  const objects = Array.from({ length: count }, (_, i) =>
    i % 5 < 3
      ? { Key: `invoices/bench-${runId}/rental/Hyresavi_${i}.pdf`, Body: pdfs[i] }
      : { Key: `invoices/bench-${runId}/retail/food-delivery/foodbolt_2025-03-14_${i.toString(16).padStart(8, '0')}.html`, Body: FOODBOLT.replace('FB-2025-88123', `FB-${runId}-${i}`) },
  );
  const before = local.pipeline.reports.length;
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
      while (next < objects.length) await local.clients.s3.send(new PutObjectCommand({ Bucket: bucket, ...objects[next++] }));
    }),
  );
  await local.pipeline.idle();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const failed = local.pipeline.reports.slice(before).filter((r) => r.outcome !== 'inserted');
  if (failed.length > 0) throw new Error(`local pipeline bench: ${failed.length} events not inserted, e.g. ${JSON.stringify(failed[0])}`);
  return count / seconds;
}

/** End to end through the local pipeline: S3 PUT → s3rver event → routing → handler → DynamoDB Local, concurrency 4. */
export async function benchLocalPipeline(): Promise<BenchFigure> {
  const synthDir = newSynthDir();
  const stack = await synthesizeToWorkDir(synthDir);
  const local = await startLocalPipeline({ stack }).finally(() => rmSync(synthDir, { recursive: true, force: true }));
  try {
    await run(local, 'warmup', 10);
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) runs.push(await run(local, `run${r}`, EVENTS_PER_RUN));
    return figure('local pipeline (upload → DynamoDB item)', 'events/s', runs);
  } finally {
    await local.stop();
  }
}
