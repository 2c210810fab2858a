/**
 * npm run --silent parse -- <file.pdf|file.html> [--key <s3 key>]
 *
 * Prints the record(s) the matching handler would write, as JSON on stdout, and
 * exits 0. An unparseable or rejected document prints `error: <CODE>: <message>`
 * on stderr and exits 1. Nothing is written anywhere.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CliError, parseCliArgs, runCli, UsageError } from '../../app/run-cli';
import { installPatchedPdfjs } from '../pdfjs/install-patched-pdfjs';

const USAGE = `Usage: npm run --silent parse -- <file.pdf|file.html> [--key <s3 key>]

Prints the record the matching handler would write (parse_invoice for .pdf,
parse_retail_invoice for .html) as JSON, without AWS. HTML receipts need --key, whose
path carries the user, sub_type, vendor and date.

Options:
  --key <s3 key>  the object key the upload would have (default for a PDF:
                  invoices/local/rental/<file name>)
  --help          show this help

Try: npm run --silent parse -- samples/Hyresavi_1297534008.pdf`;

type Preview = (body: Buffer, key: string | undefined, fileName?: string) => Promise<unknown>;

/** Each handler's preview module, loaded only for its document type. */
const PREVIEWERS: Record<string, () => Promise<Preview>> = {
  '.pdf': async () => {
    installPatchedPdfjs();
    return (await import('../../handlers/parse-invoice/core/preview')).preview;
  },
  '.html': async () => (await import('../../handlers/parse-retail-invoice/core/preview')).preview,
  '.htm': async () => (await import('../../handlers/parse-retail-invoice/core/preview')).preview,
};

interface ParseArgs {
  readonly file: string;
  readonly key?: string;
  readonly load: () => Promise<Preview>;
}

function parseParseArgs(argv: readonly string[]): ParseArgs {
  const { values, positionals } = parseCliArgs({ key: { type: 'string' } }, argv, true);
  if (positionals.length === 0) throw new UsageError('no file given');
  if (positionals.length > 1) throw new UsageError('only one file at a time');
  const file = positionals[0];
  const key = typeof values.key === 'string' ? values.key : undefined;
  const load = PREVIEWERS[extname(key ?? file).toLowerCase()] ?? PREVIEWERS[extname(file).toLowerCase()];
  if (!load) throw new UsageError(`cannot tell the document type of ${file}: expected .pdf or .html`);
  return { file, key, load };
}

async function main({ file, key, load }: ParseArgs): Promise<void> {
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (err) {
    throw new CliError('INVALID_REQUEST', `cannot read ${file}: ${(err as Error).message}`);
  }
  const record = await (await load())(body, key, basename(file));
  process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
}

runCli({ usage: USAGE, parse: parseParseArgs, run: main });
