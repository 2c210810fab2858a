import { parseCliArgs, USAGE } from './parity/cli-args';
import { ParityInputError } from './parity/errors';
import { exitCodeOf, formatJson, formatText } from './parity/report';
import { runParity } from './parity/run';

/** Offline parity check of the synthesized stack against existing HCL and state (docs/parity.md). */
async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const result = await runParity(options);
    process.stdout.write(`${options.json ? formatJson(result) : formatText(result)}\n`);
    return exitCodeOf(result);
  } catch (error) {
    if (error instanceof ParityInputError) {
      process.stderr.write(`parity: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parity: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
