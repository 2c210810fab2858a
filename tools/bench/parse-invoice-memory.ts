import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { flateBombPdf, ONE_MEGABYTE_BOMB_DECODED } from '../fixtures/pdf-bombs';
import { HANDLER_ENV } from '../local-aws/handler-env';
import { copyBundlesToTaskDirs } from './lambda-task-dir';
import { figure, type BenchFigure } from './measure';

const RUNS = 3;

/** Runs the bundle's handler on one PDF in a fresh node and returns its peak RSS in MB. */
const PROBE = `
const pdf = require('node:fs').readFileSync(process.argv[2]);
const { createHandler } = require(process.argv[1]);
const s3 = { async send() { return { ContentLength: pdf.length, Metadata: {}, Body: (async function* () { yield new Uint8Array(pdf); })() }; } };
const ddb = { async send() { return {}; } };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const handler = createHandler({ clients: { s3, ddb }, env: ${JSON.stringify(HANDLER_ENV.parse_invoice)}, logger: quiet });
handler({ Records: [{ s3: { bucket: { name: 'b' }, object: { key: 'invoices/u/rental/Hyresavi_1.pdf', size: pdf.length } } }] })
  .then((e) => console.log(JSON.stringify({ status: e.statusCode, maxRssMb: process.resourceUsage().maxRSS / 1024 })));
`;

function peakRssMb(bundle: string, file: string): number {
  const run = spawnSync(process.execPath, ['-e', PROBE, bundle, file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' } });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`parse_invoice memory probe failed (exit ${run.status}): ${run.stderr.slice(-1000)}`);
  return (JSON.parse(line) as { maxRssMb: number }).maxRssMb;
}

/**
 * Peak RSS of the parse_invoice bundle (one fresh process per document, as a Lambda
 * cold start): a Hyresavi, the largest stream its budget admits, and the 1 MB bomb
 * it refuses. The function's memory_size (512 MB) is chosen from these.
 */
export async function benchParseInvoiceMemory(): Promise<BenchFigure[]> {
  // Run from a copy alone, as in /var/task: from dist/, pdf.js would load the checkout's native canvas module.
  const taskDirs = copyBundlesToTaskDirs();
  const bundle = taskDirs.bundles.parse_invoice;
  const dir = mkdtempSync(join(tmpdir(), 'paypulse-bench-rss-'));
  try {
    const documents: Array<[string, Buffer]> = [
      ['parse_invoice peak RSS, Hyresavi', await hyresaviPdf(BASE_FIXTURE)],
      ['parse_invoice peak RSS, 16 MiB stream (within budget)', flateBombPdf(16 * 1024 * 1024)],
      ['parse_invoice peak RSS, 1 MB bomb (refused)', flateBombPdf(ONE_MEGABYTE_BOMB_DECODED)],
    ];
    return documents.map(([name, body], i) => {
      const file = join(dir, `${i}.pdf`);
      writeFileSync(file, body);
      return figure(name, 'MB', Array.from({ length: RUNS }, () => peakRssMb(bundle, file)));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    taskDirs.remove();
  }
}
