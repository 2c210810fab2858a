import type { RetailSubType } from '../../../contract/sub-types';

/** What the extractor knows besides the HTML: the object key's parts. */
export interface ExtractContext {
  readonly subType: RetailSubType;
  /** The key's vendor slug, e.g. `jack&jones`: matched against the HTML for the display name, and the fallback. */
  readonly vendorSlug: string;
  /** The key's date (the e-mail's date), YYYY-MM-DD: the fallback invoice date. */
  readonly fallbackDate?: string;
  /** The object's LastModified as YYYY-MM-DD: the last-resort invoice date. */
  readonly lastModifiedDate?: string;
}

export type CurrencyCode = 'SEK' | 'EUR' | 'USD' | 'GBP' | 'NOK' | 'DKK';

/** The five fields every sub_type has (PAYPULSE_REFERENCE §5.3). */
export interface BaseFields {
  readonly vendor_name: string;
  /** The amount actually paid; null when no trustworthy total was found. */
  readonly total_amount: number | null;
  readonly currency: CurrencyCode | null;
  /** YYYY-MM-DD. */
  readonly invoice_date: string | null;
  readonly order_id: string | null;
}

/** The per-sub_type extra fields; values are JSON-serialisable. */
export type ExtraFields = Readonly<Record<string, unknown>>;

export interface ExtractedReceipt {
  readonly base: BaseFields;
  readonly extras: ExtraFields;
}

export interface ReceiptItem {
  readonly name: string;
  readonly quantity: number;
  /** The price shown on the item's row (usually the line total). */
  readonly price: number;
  /** Unit of measure when the row gives one (`kg`, `st`, `l`). */
  readonly unit: string | null;
  /** Text shown under the item name (options, size, colour). */
  readonly description: string | null;
}
