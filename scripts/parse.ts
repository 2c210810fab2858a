/**
 * npm run --silent parse -- <file.pdf|file.html> [--key <s3 key>]
 *
 * Prints the record(s) the matching handler would write, as JSON on stdout, and
 * exits 0. An unparseable or rejected document prints `error: <CODE>: <message>`
 * on stderr and exits 1. Nothing is written anywhere.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isPayPulseError } from '../handlers/shared/errors';
import { installPatchedPdfjsWorker } from './pdfjs/install-patched-worker';

/** Each handler's preview module exports `preview(body, key?)`; the file name is passed for previews without a key. */
const PREVIEWERS: Record<string, string> = {
  '.pdf': '../handlers/parse-invoice/preview',
  '.html': '../handlers/parse-retail-invoice/preview',
  '.htm': '../handlers/parse-retail-invoice/preview',
};

interface PreviewModule {
  preview(body: Buffer, key: string | undefined, fileName?: string): Promise<unknown>;
}

function usage(message: string): never {
  process.stderr.write(`error: USAGE: ${message}\nusage: npm run --silent parse -- <file.pdf|file.html> [--key <s3 key>]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; key?: string } {
  let file: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--key') {
      key = argv[++i];
      if (!key) usage('--key needs a value');
    } else if (argv[i].startsWith('--key=')) key = argv[i].slice('--key='.length);
    else if (argv[i].startsWith('-')) usage(`unknown option ${argv[i]}`);
    else if (file) usage('only one file at a time');
    else file = argv[i];
  }
  if (!file) usage('no file given');
  return { file, key };
}

async function main(): Promise<void> {
  const { file, key } = parseArgs(process.argv.slice(2));
  const modulePath = PREVIEWERS[extname(key ?? file).toLowerCase()] ?? PREVIEWERS[extname(file).toLowerCase()];
  if (!modulePath) usage(`cannot tell the document type of ${file}: expected .pdf or .html`);
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (err) {
    process.stderr.write(`error: INVALID_REQUEST: cannot read ${file}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  if (modulePath === PREVIEWERS['.pdf']) installPatchedPdfjsWorker();
  const previewer = (await import(modulePath)) as PreviewModule;
  try {
    const record = await previewer.preview(body, key, basename(file));
    process.stdout.write(JSON.stringify(record, null, 2) + '\n');
  } catch (err) {
    if (!isPayPulseError(err)) throw err;
    process.stderr.write(`error: ${err.code}: ${err.message}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  // Never an unhandled rejection: anything unexpected is one line and exit 1.
  process.stderr.write(`error: INTERNAL_SERVER_ERROR: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
