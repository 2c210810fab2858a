import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The one convention every command follows (main.ts, tools/<name>/cli.ts):
 * `--help` prints the usage on stdout and exits 0; a usage error prints
 * `error: USAGE: <message>` and the usage on stderr and exits 2; a runtime error
 * prints one line `error: <CODE>: <message>` on stderr and exits 1, never a stack trace.
 */

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** Wrong arguments: exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A runtime failure with an explicit code, for tools whose errors are not PayPulse errors. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedCli {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** `node:util` parseArgs (strict), with its errors turned into short `UsageError`s. */
export function parseCliArgs(options: CliOptions, argv: readonly string[], allowPositionals = false): ParsedCli {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    if (!allowPositionals && positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    return { values: values as ParsedCli['values'], positionals };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as { code?: string }).code;
    const message = err instanceof Error ? err.message : String(err);
    const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${flag}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${flag} needs a value`);
    throw new UsageError(message);
  }
}

/** A positive integer option value, or a `UsageError` naming the option. */
export function positiveIntOption(name: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive integer, got '${String(value)}'`);
  return n;
}

export interface CliSpec<A> {
  /** The usage text, starting with `Usage: ...`. */
  readonly usage: string;
  /** Turns argv into the command's arguments; throws `UsageError` on bad ones. */
  parse(argv: readonly string[]): A;
  /** Runs the command; the resolved number (default 0) is the exit code. */
  run(args: A): Promise<number | void> | number | void;
}

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** `error: CODE: message` on one line: the error's own code when it has one, else INTERNAL_SERVER_ERROR. */
export function formatError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' && CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR';
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw
    .replace(new RegExp(`^${name}: `), '')
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean)
    .join('; ')
    .replace(/:; /g, ': ');
  return `error: ${name}: ${message}`;
}

/** Prints `error: USAGE: <message>` and the usage on stderr; returns the exit code, 2 (for commands whose `main` returns one). */
export function reportUsageError(usage: string, err: unknown): number {
  process.stderr.write(`error: USAGE: ${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
  return 2;
}

function exitWithUsage(usage: string, err: unknown): never {
  process.exit(reportUsageError(usage, err));
}

/** Runs a command under the convention above. */
export function runCli<A>(spec: CliSpec<A>, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  let args: A;
  try {
    args = spec.parse(argv);
  } catch (err) {
    exitWithUsage(spec.usage, err);
  }
  Promise.resolve()
    .then(() => spec.run(args))
    .then(
      (code) => process.exit(code ?? 0),
      (err: unknown) => {
        if (err instanceof UsageError) exitWithUsage(spec.usage, err);
        process.stderr.write(`${formatError(err)}\n`);
        process.exit(1);
      },
    );
}
