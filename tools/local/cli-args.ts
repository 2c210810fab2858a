export interface LocalArgs {
  readonly demo: boolean;
  readonly help: boolean;
  /** Synthesize in-process even when cdktf.out has a stack. */
  readonly synth: boolean;
  readonly dataDir?: string;
  readonly stackPath?: string;
  readonly concurrency?: number;
}

export const USAGE = `Usage: npm run local -- [options]

Runs the PayPulse invoice pipeline on loopback: s3rver and DynamoDB Local on free
ports, the buckets and S3 notifications of the synthesized stack, and the handlers
in-process. Prints one JSON line per S3 event on stdout; everything else on stderr.

Options:
  --demo              upload a Hyresavi PDF and two retail receipts, print the
                      DynamoDB items and exit
  --data <dir>        keep S3 objects and DynamoDB tables under <dir> (default: S3
                      in a temp dir and DynamoDB in memory, both gone on exit)
  --stack <file>      read this cdk.tf.json (default: cdktf.out, else an in-process synth)
  --synth             synthesize in-process even if cdktf.out has a stack
  --concurrency <n>   handler invocations at a time (default 4)
  --help              show this help`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

export function parseLocalArgs(argv: readonly string[]): LocalArgs {
  let demo = false;
  let help = false;
  let synth = false;
  let dataDir: string | undefined;
  let stackPath: string | undefined;
  let concurrency: number | undefined;
  const valueOf = (i: number, flag: string): string => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--synth') synth = true;
    else if (arg === '--data') dataDir = valueOf(i++, arg);
    else if (arg === '--stack') stackPath = valueOf(i++, arg);
    else if (arg === '--concurrency') {
      concurrency = Number(valueOf(i++, arg));
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a positive integer');
    } else throw new UsageError(`Unknown option ${arg}`);
  }
  return { demo, help, synth, dataDir, stackPath, concurrency };
}
