/**
 * npm run bench: prints a table of performance figures and writes bench/results.json.
 * Every figure is the median of repeated runs; the raw runs are kept in the JSON.
 * Set BENCH_ONLY=<substring> to run only the matching benchmarks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs, runCli } from '../../app/run-cli';
import type { BenchFigure } from './measure';

type Bench = () => Promise<BenchFigure | BenchFigure[]>;

/**
 * Each entry loads its module lazily, so one benchmark's imports never slow
 * another's figures. Bundles come first: synth and init read dist/manifest.json.
 */
const BENCHES: Array<[string, () => Promise<Bench>]> = [
  ['handler zip sizes', async () => (await import('./bundles')).benchBundles],
  ['stack synth', async () => (await import('./synth')).benchSynth],
  ['handler module init', async () => (await import('./handler-init')).benchHandlerInit],
  ['handler first invocation', async () => (await import('./first-invocation')).benchFirstInvocation],
  ['parse_invoice PDFs/s', async () => (await import('./parse-invoice')).benchParseInvoice],
  ['parse_invoice peak RSS', async () => (await import('./parse-invoice-memory')).benchParseInvoiceMemory],
  ['parse_retail_invoice receipts/s', async () => (await import('./parse-retail-invoice')).benchParseRetailInvoice],
  ['local pipeline events/s', async () => (await import('./local-pipeline')).benchLocalPipeline],
  ['test suite wall time', async () => (await import('./jest-suite')).benchJest],
];

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

async function main({ only }: { only?: string }): Promise<void> {
  // Fail before the first benchmark, not after all of them.
  mkdirSync('bench', { recursive: true });
  // The bench's own SDK clients (loopback servers) would print the Node 22 notice; Lambda runs Node 22.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const figures: BenchFigure[] = [];
  const timings: Record<string, number> = {};
  const started = Date.now();
  const loadAtStart = loadavg();
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
    // A shared machine inflates every figure; the load average says how much to trust them.
    loadAverage: loadAtStart.map((l) => Number(l.toFixed(2))),
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
  process.stdout.write(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, load average ${machine.loadAverage.join(' ')} at start; bench took ${total.toFixed(0)} s\n`,
  );
  writeFileSync(
    join('bench', 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, seconds: { total, ...timings }, figures }, null, 2) + '\n',
  );
}

const USAGE = `Usage: npm run bench [-- --only <substring>]

Prints a table of performance figures (the median of repeated runs) and writes
bench/results.json with the raw runs.

Options:
  --only <substring>  run only the benchmarks whose name contains it (or BENCH_ONLY=<substring>)
  --help              show this help`;

// runCli exits when main settles: the local pipeline's servers are stopped, and stray keep-alive sockets must not hold the process.
runCli({
  usage: USAGE,
  parse: (argv) => {
    const { values } = parseCliArgs({ only: { type: 'string' } }, argv);
    return { only: typeof values.only === 'string' ? values.only : process.env.BENCH_ONLY };
  },
  run: main,
});
