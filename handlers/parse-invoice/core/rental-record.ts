/** Record assembly: a parsed Hyresavi becomes its RentalInvoices item. */
import type { HyresaviInvoice } from './hyresavi';

/** A RentalInvoices item, with the original attribute names (PAYPULSE_REFERENCE §4.4). */
export interface RentalInvoiceRecord {
  readonly UserID: string;
  readonly InvoiceID: string;
  readonly OCR: string;
  /** DD-MM-YYYY. */
  readonly 'Due Date': string;
  /** Month without zero padding, e.g. `"3"`; a GSI key, hence a string. */
  readonly due_date_month: string;
  readonly due_date_year: string;
  readonly 'Total Amount': number;
  readonly Hyra: number;
  readonly Kallvatten: number;
  readonly Varmvatten: number;
  readonly El: number;
  readonly Moms?: number;
  /** The file stem, e.g. `Hyresavi_1297534008`. */
  readonly Filename: string;
  /** Any other breakdown line: label → amount as printed. */
  readonly [label: string]: string | number | undefined;
}

export interface RecordIdentity {
  readonly userId: string;
  readonly invoiceId: string;
  /** The file stem. */
  readonly filename: string;
}

type NumericField = 'Hyra' | 'Kallvatten' | 'Varmvatten' | 'El';

const NUMERIC_FIELDS: ReadonlyArray<[NumericField, RegExp]> = [
  ['Hyra', /^hyra\b/i],
  ['Kallvatten', /^kallvatten/i],
  ['Varmvatten', /^varmvatten/i],
  ['El', /^el(?:\s+enligt\b|\b(?![-åäö]))/i],
];

/** Lines the original drops from the record. */
const DROPPED = [/^mervärdesskatt\b/i, /^retroaktiv\s+hyra\s+avser\b/i];

const RESERVED = new Set(['UserID', 'InvoiceID', 'OCR', 'Due Date', 'due_date_month', 'due_date_year', 'Total Amount', 'Moms', 'Filename']);

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The RentalInvoices item for a parsed Hyresavi. */
export function toRentalInvoiceRecord(invoice: HyresaviInvoice, identity: RecordIdentity): RentalInvoiceRecord {
  const numeric: Record<NumericField, number> = { Hyra: 0, Kallvatten: 0, Varmvatten: 0, El: 0 };
  const others: Record<string, string> = {};
  for (const line of invoice.breakdown) {
    if (DROPPED.some((p) => p.test(line.label))) continue;
    const field = NUMERIC_FIELDS.find(([, p]) => p.test(line.label))?.[0];
    if (field) {
      // Two lines of one kind (e.g. cold water for two periods) add up.
      numeric[field] = cents(numeric[field] + line.amount);
      continue;
    }
    if (RESERVED.has(line.label) || line.label in numeric) continue;
    let key = line.label;
    for (let n = 2; key in others; n++) key = `${line.label} (${n})`;
    others[key] = line.amountText;
  }
  const [year, month, day] = invoice.dueDate.split('-');
  return {
    ...others,
    UserID: identity.userId,
    InvoiceID: identity.invoiceId,
    OCR: invoice.ocr,
    'Due Date': `${day}-${month}-${year}`,
    due_date_month: String(Number(month)),
    due_date_year: year,
    'Total Amount': invoice.totalAmount,
    ...numeric,
    ...(invoice.moms === undefined ? {} : { Moms: invoice.moms }),
    Filename: identity.filename,
  };
}
