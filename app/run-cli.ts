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

export interface CliSpec<O extends CliOptions> {
  /** The usage text, starting with `Usage: ...`. */
  readonly usage: string;
  readonly options: O;
  /** @default false */
  readonly allowPositionals?: boolean;
  /** Runs the command; the resolved number (default 0) is the exit code. */
  run(args: ParsedArgs<O>): Promise<number | void> | number | void;
}

export type ParsedArgs<O extends CliOptions> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

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

/** Parses argv with `node:util` parseArgs (strict) and runs the command under the convention above. */
export function runCli<O extends CliOptions>(spec: CliSpec<O>, argv: readonly string[] = process.argv.slice(2)): void {
  let parsed: ParsedArgs<O>;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${spec.usage}\n`);
      process.exit(0);
    }
    parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true }) as ParsedArgs<O>;
    if (!spec.allowPositionals && parsed.positionals.length > 0) throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  } catch (err) {
    usageExit(err);
  }
  Promise.resolve()
    .then(() => spec.run(parsed))
    .then(
      (code) => process.exit(code ?? 0),
      (err: unknown) => {
        if (err instanceof UsageError) usageExit(err);
        process.stderr.write(`${formatError(err)}\n`);
        process.exit(1);
      },
    );

  function usageExit(err: unknown): never {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: USAGE: ${message}\n${spec.usage}\n`);
    process.exit(2);
  }
}
