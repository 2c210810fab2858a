import { parseCliArgs, positiveIntOption } from '../../app/run-cli';

export interface LocalArgs {
  readonly demo: boolean;
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

const OPTIONS = {
  demo: { type: 'boolean' },
  synth: { type: 'boolean' },
  data: { type: 'string' },
  stack: { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export function parseLocalArgs(argv: readonly string[]): LocalArgs {
  const { values } = parseCliArgs(OPTIONS, argv);
  const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  return {
    demo: values.demo === true,
    synth: values.synth === true,
    dataDir: text(values.data),
    stackPath: text(values.stack),
    concurrency: positiveIntOption('--concurrency', values.concurrency),
  };
}
