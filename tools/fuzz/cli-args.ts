import { availableParallelism } from 'node:os';
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

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got '${value}'`);
  return n;
}

export function parseFuzzArgs(argv: readonly string[]): FuzzArgs {
  let targets: TargetName[] = [...TARGET_NAMES];
  let cases = 10_000;
  let seed = Math.floor(Math.random() * 2 ** 31);
  let hangMs = 2000;
  let workers = Math.min(4, availableParallelism());
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--cases':
        cases = positiveInt(flag, value());
        break;
      case '--seed':
        seed = Number.parseInt(value() ?? '', 10);
        if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
        break;
      case '--hang-ms':
        hangMs = positiveInt(flag, value());
        break;
      case '--workers':
        workers = positiveInt(flag, value());
        break;
      case '--targets': {
        const names = (value() ?? '').split(',').filter(Boolean);
        const unknown = names.filter((n) => !(TARGET_NAMES as readonly string[]).includes(n));
        if (names.length === 0 || unknown.length > 0) throw new Error(`--targets takes ${TARGET_NAMES.join(', ')}; got '${names.join(',')}'`);
        targets = names as TargetName[];
        break;
      }
      default:
        throw new Error(`unknown option '${argv[i]}'`);
    }
  }
  // pdf.js gives up on its own after 15 s; the kill switch is for loops it never returns from.
  return { targets, cases, seed, hangMs, killMs: Math.max(hangMs * 10, 20_000), workers };
}
