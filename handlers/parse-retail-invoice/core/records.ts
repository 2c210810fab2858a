import type { RetailInvoiceKey } from '../../shared/s3-keys';
import type { ExtractedReceipt } from './types';
import { retailInvoiceId } from '../../shared/invoice-ids';
import { normalizeVendor } from './text-normalize';

export type DiscoverySource = 'sweep' | 'vendor_config';

/** The RetailInvoices row, in the original's layout (PAYPULSE_REFERENCE §5.3). */
export interface RetailBaseRow {
  readonly UserID: string;
  readonly InvoiceID: string;
  readonly vendor_name: string;
  readonly sub_type: string;
  readonly total_amount: number;
  readonly currency: string | null;
  readonly invoice_date: string;
  readonly created_at: string;
  readonly s3_path: string;
  readonly order_id: string | null;
  readonly payment_status: 'completed';
  readonly UserID_SubType: string;
  readonly discovery_source: DiscoverySource;
  readonly vendor_order_key: string;
}

/** The detail row: the sub_type's extra fields plus InvoiceID, no UserID. */
export type RetailDetailRow = { readonly InvoiceID: string } & Readonly<Record<string, unknown>>;

export interface RetailRecords {
  readonly base: RetailBaseRow;
  readonly detail: RetailDetailRow;
  readonly detailTable: string;
}

export interface BuildRecordsInput {
  readonly key: RetailInvoiceKey;
  /** The decoded object key, stored as s3_path. */
  readonly objectKey: string;
  /** Must have a positive total: rejected receipts never become records. */
  readonly extracted: ExtractedReceipt;
  readonly discoverySource: DiscoverySource;
  readonly detailTable: string;
  readonly now: Date;
}

/** `sweep` when the sweep pipeline uploaded the object (metadata source=sweep with a message_id). */
export function discoverySourceOf(metadata: Readonly<Record<string, string>>): DiscoverySource {
  return metadata.source === 'sweep' && Boolean(metadata.message_id) ? 'sweep' : 'vendor_config';
}

export function buildRecords({ key, objectKey, extracted, discoverySource, detailTable, now }: BuildRecordsInput): RetailRecords {
  const { base: fields, extras } = extracted;
  if (fields.total_amount === null || fields.total_amount <= 0) throw new Error('buildRecords needs a receipt with a positive total');
  const invoiceDate = fields.invoice_date ?? key.date;
  const invoiceId = retailInvoiceId({ userId: key.userId, vendorKey: normalizeVendor(fields.vendor_name), orderId: fields.order_id, objectKey });
  const base: RetailBaseRow = {
    UserID: key.userId,
    InvoiceID: invoiceId,
    vendor_name: fields.vendor_name,
    sub_type: key.subType,
    total_amount: fields.total_amount,
    currency: fields.currency,
    invoice_date: invoiceDate,
    created_at: now.toISOString(),
    s3_path: objectKey,
    order_id: fields.order_id,
    payment_status: 'completed',
    UserID_SubType: `${key.userId}_${key.subType}`,
    discovery_source: discoverySource,
    vendor_order_key: `${fields.vendor_name}_${fields.order_id ?? invoiceDate.slice(0, 10)}`,
  };
  return { base, detail: { ...extras, InvoiceID: invoiceId }, detailTable };
}
