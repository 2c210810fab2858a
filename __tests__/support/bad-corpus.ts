import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '../../handlers/shared/error-codes';
import type { HandlerName } from '../../tools/local-aws/handler-env';

export const BAD_DIR = join(__dirname, '..', 'fixtures', 'bad');

/** Inputs too large to check in, built at test time. */
export type GeneratedInput = 'pdf-50mb' | 'html-10000-nested-tables' | 'html-3mb';

export interface BadInputExpectation {
  readonly status: number;
  /** The envelope's error code; absent for a 200 outcome. */
  readonly code?: ErrorCode;
  /** The success outcome, e.g. `rejected_zero_amount`. */
  readonly outcome?: string;
  /** `false`: the handler must refuse before any GetObject. */
  readonly fetch?: boolean;
}

/** One entry of `bad-inputs.json`. */
export interface BadInput {
  readonly id: string;
  readonly handler: HandlerName;
  /** A file in the corpus directory, uploaded to `key`. */
  readonly file?: string;
  readonly generated?: GeneratedInput;
  readonly key?: string;
  readonly rawEventKey?: string;
  /** Leave `s3.object.size` out of the event, so only Content-Length can stop the download. */
  readonly omitEventSize?: boolean;
  /** A file holding the whole event. */
  readonly event?: string;
  readonly expect: BadInputExpectation;
}

export function loadBadInputs(): BadInput[] {
  const manifest = JSON.parse(readFileSync(join(BAD_DIR, 'bad-inputs.json'), 'utf8')) as { cases: BadInput[] };
  return manifest.cases;
}

export const FIFTY_MB = 50 * 1024 * 1024;

/** `%PDF-` and 50 MB of zeros: a valid header, so only the size cap can refuse it. */
export function fiftyMegabytePdf(): Buffer {
  const body = Buffer.alloc(FIFTY_MB);
  body.write('%PDF-1.7\n', 0, 'latin1');
  return body;
}

/** 10,000 tables, each nested in the previous one's cell, around an order number and no total. */
export function tenThousandNestedTables(): Buffer {
  const depth = 10_000;
  return Buffer.from(`<html><body>${'<table><tr><td>'.repeat(depth)}Ordernummer A-1001${'</td></tr></table>'.repeat(depth)}</body></html>`);
}

/** Just over 3 MB of ordinary receipt rows: larger than the retail cap (2 MiB). */
export function threeMegabyteHtml(): Buffer {
  const row = '<tr><td>Kaffe 500 g</td><td>1 st</td><td>59,90 kr</td></tr>\n';
  return Buffer.from(`<html><body><table>${row.repeat(Math.ceil((3 * 1024 * 1024) / row.length))}</table><p>Totalt 59,90 kr</p></body></html>`);
}

export function generatedInput(kind: GeneratedInput): Buffer {
  switch (kind) {
    case 'pdf-50mb':
      return fiftyMegabytePdf();
    case 'html-10000-nested-tables':
      return tenThousandNestedTables();
    case 'html-3mb':
      return threeMegabyteHtml();
  }
}

/** The bytes a case uploads, or `undefined` when it uploads nothing. */
export function bodyOf(input: BadInput): Buffer | undefined {
  if (input.generated) return generatedInput(input.generated);
  if (input.file) return readFileSync(join(BAD_DIR, input.file));
  return undefined;
}
