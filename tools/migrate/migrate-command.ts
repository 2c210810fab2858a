import { formatError, parseCliArgs, reportUsageError } from '../../app/run-cli';
import { migrateState } from './migrate';

const USAGE = `Usage: npm run migrate -- --state <existing tfstate> --out <dir>

Splits the existing root's state (offline, with terraform state mv):
  <dir>/stack.tfstate       the resources the PayPulse stack takes over
  <dir>/existing.tfstate    the rest, for the old root
  <dir>/removed.tf          removed { ... destroy = false } blocks for the old root
  <dir>/migration-report.md what moved and what to do next

Exit: 0 split written; 1 bad input (not a v4 state, already split, missing s3.tf
resources) or Terraform failure, with nothing written; 2 usage error.`;

/** The shared convention (app/run-cli.ts): `error: USAGE: <message>`, the usage, exit 2. */
const usageError = (message: string): number => reportUsageError(USAGE, message);

/** `npm run migrate` without the process: returns the exit code (tests call it in-process; cli.ts runs it). */
export async function main(argv: string[]): Promise<number> {
  let values: { state?: string; out?: string; help?: boolean };
  try {
    values = parseCliArgs({ state: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, argv).values as typeof values;
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.state || !values.out) {
    return usageError('--state and --out are required');
  }
  try {
    const result = await migrateState(values.state, values.out, process.env);
    process.stdout.write(
      `stack.tfstate: ${result.moved.length} resources; existing.tfstate: ${result.kept.length}; removed.tf: ${result.moved.length} blocks\n` +
        `wrote ${Object.values(result.files).join(', ')}\n` +
        `next: npm run plan -- --state ${result.files.stack}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${formatError(err)}\n`);
    return 1;
  }
}
