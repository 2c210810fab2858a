/** One benchmark figure: the median of repeated runs, with the raw runs kept. */
export interface BenchFigure {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly runs: readonly number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function figure(name: string, unit: string, runs: readonly number[]): BenchFigure {
  return { name, unit, median: median(runs), runs };
}

/**
 * Throughput of an async operation in operations per second, one sample per
 * repetition: each sample runs `batch` operations back to back, after a warm-up.
 */
export async function throughput(
  name: string,
  unit: string,
  op: (i: number) => Promise<unknown> | unknown,
  { batch = 50, repetitions = 7, warmup = 10 }: { batch?: number; repetitions?: number; warmup?: number } = {},
): Promise<BenchFigure> {
  for (let i = 0; i < warmup; i++) await op(i);
  const runs: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await op(i);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    runs.push(batch / seconds);
  }
  return figure(name, unit, runs);
}
