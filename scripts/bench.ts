/**
 * npm run bench: prints a table of performance figures and writes bench/results.json.
 * Every figure is the median of repeated runs; the raw runs are kept in the JSON.
 * Set BENCH_ONLY=<substring> to run only the matching benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from './bench/measure';

type Bench = () => Promise<BenchFigure | BenchFigure[]>;

/**
 * Each entry loads its module lazily, so one benchmark's imports never slow
 * another's figures. Bundles come first: synth and init read dist/manifest.json.
 */
const BENCHES: Array<[string, () => Promise<Bench>]> = [
  ['handler zip sizes', async () => (await import('./bench/bundles')).benchBundles],
  ['stack synth', async () => (await import('./bench/synth')).benchSynth],
  ['handler module init', async () => (await import('./bench/handler-init')).benchHandlerInit],
  ['parse_invoice PDFs/s', async () => (await import('./bench/parse-invoice')).benchParseInvoice],
  ['parse_invoice peak RSS', async () => (await import('./bench/parse-invoice-memory')).benchParseInvoiceMemory],
  ['parse_retail_invoice receipts/s', async () => (await import('./bench/parse-retail-invoice')).benchParseRetailInvoice],
  ['local pipeline events/s', async () => (await import('./bench/local-pipeline')).benchLocalPipeline],
  ['jest wall time', async () => (await import('./bench/jest-suite')).benchJest],
];

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const figures: BenchFigure[] = [];
  const timings: Record<string, number> = {};
  const started = Date.now();
  for (const [name, load] of BENCHES) {
    if (only && !name.includes(only)) continue;
    process.stderr.write(`bench: ${name}...\n`);
    const t = Date.now();
    const result = await (await load())();
    timings[name] = (Date.now() - t) / 1000;
    figures.push(...(Array.isArray(result) ? result : [result]));
  }
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
  const width = Math.max(10, ...figures.map((f) => f.name.length));
  const unitWidth = Math.max(4, ...figures.map((f) => f.unit.length));
  process.stdout.write(`${'figure'.padEnd(width)}  ${'median'.padStart(10)}  ${'unit'.padEnd(unitWidth)}  runs\n`);
  for (const f of figures) {
    process.stdout.write(`${f.name.padEnd(width)}  ${formatNumber(f.median).padStart(10)}  ${f.unit.padEnd(unitWidth)}  ${f.runs.length}\n`);
  }
  const total = (Date.now() - started) / 1000;
  process.stdout.write(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}; bench took ${total.toFixed(0)} s\n`);
  mkdirSync('bench', { recursive: true });
  writeFileSync(
    join('bench', 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, seconds: { total, ...timings }, figures }, null, 2) + '\n',
  );
}

main().then(
  // The local pipeline's SDK clients and servers are stopped; exit without waiting on stray keep-alive sockets.
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
