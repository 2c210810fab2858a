/**
 * npm run bench: prints a table of performance figures and writes bench/results.json.
 * Every figure is the median of repeated runs; the raw runs are kept in the JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from './bench/measure';

type Bench = () => Promise<BenchFigure | BenchFigure[]>;

/** Each entry loads its module lazily, so one benchmark's imports never slow another's figures. */
const BENCHES: Array<[string, () => Promise<Bench>]> = [
  ['parse_invoice PDFs/s', async () => (await import('./bench/parse-invoice')).benchParseInvoice],
  ['parse_retail_invoice receipts/s', async () => (await import('./bench/parse-retail-invoice')).benchParseRetailInvoice],
];

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

async function main(): Promise<void> {
  const figures: BenchFigure[] = [];
  for (const [name, load] of BENCHES) {
    process.stderr.write(`bench: ${name}...\n`);
    const result = await (await load())();
    figures.push(...(Array.isArray(result) ? result : [result]));
  }
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: process.platform };
  const width = Math.max(10, ...figures.map((f) => f.name.length));
  process.stdout.write(`${'figure'.padEnd(width)}  ${'median'.padStart(10)}  unit\n`);
  for (const f of figures) process.stdout.write(`${f.name.padEnd(width)}  ${formatNumber(f.median).padStart(10)}  ${f.unit}\n`);
  process.stdout.write(`machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}\n`);
  mkdirSync('bench', { recursive: true });
  writeFileSync(join('bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2) + '\n');
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
