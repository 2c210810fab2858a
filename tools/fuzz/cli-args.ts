import { availableParallelism } from 'node:os';
import { parseCliArgs, positiveIntOption, UsageError } from '../../app/run-cli';
import { TARGET_NAMES, type TargetName } from './targets';

export interface FuzzArgs {
  readonly targets: readonly TargetName[];
  readonly cases: number;
  readonly seed: number;
  readonly hangMs: number;
  readonly killMs: number;
  readonly workers: number;
}

export const USAGE = `Usage: npm run fuzz -- [--cases N] [--targets pdf,html,keys] [--seed N] [--hang-ms N] [--workers N]
  --cases    cases per parser (default 10000)
  --targets  which parsers (default all: ${TARGET_NAMES.join(',')})
  --seed     fast-check seed, to replay a run (default random, printed)
  --hang-ms  a case slower than this counts as a hang (default 2000)
  --workers  worker threads (default: CPUs, at most 4)`;

const OPTIONS = {
  cases: { type: 'string' },
  targets: { type: 'string' },
  seed: { type: 'string' },
  'hang-ms': { type: 'string' },
  workers: { type: 'string' },
} as const;

export function parseFuzzArgs(argv: readonly string[]): FuzzArgs {
  const { values } = parseCliArgs(OPTIONS, argv);
  let targets: TargetName[] = [...TARGET_NAMES];
  if (values.targets !== undefined) {
    const names = String(values.targets).split(',').filter(Boolean);
    const unknown = names.filter((n) => !(TARGET_NAMES as readonly string[]).includes(n));
    if (names.length === 0 || unknown.length > 0) throw new UsageError(`--targets takes ${TARGET_NAMES.join(', ')}; got '${names.join(',')}'`);
    targets = names as TargetName[];
  }
  let seed = Math.floor(Math.random() * 2 ** 31);
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  }
  const hangMs = positiveIntOption('--hang-ms', values['hang-ms']) ?? 2000;
  return {
    targets,
    cases: positiveIntOption('--cases', values.cases) ?? 10_000,
    seed,
    hangMs,
    // pdf.js gives up on its own after 15 s; the kill switch is for loops it never returns from.
    killMs: Math.max(hangMs * 10, 20_000),
    workers: positiveIntOption('--workers', values.workers) ?? Math.min(4, availableParallelism()),
  };
}
