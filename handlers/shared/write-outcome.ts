/**
 * The one vocabulary of what happened to a record, for both handlers. It shows as
 * `outcome` in the envelope (`data.outcome`, and per record in `data.records`) and in
 * the structured log (`Record processed` / `Record failed`), both written by
 * `processS3Event`. The words are part of the README's Idempotency tables and of
 * stored ledgers, so each handler keeps the ones it has always reported: "nothing
 * written, the stored item stands" is `unchanged` / `duplicate` for rental (same file /
 * another file) and `duplicate_skipped` for retail.
 */

/** The outcome of a conditional write; each store's decision rules say when each applies. */
export type WriteOutcome = 'inserted' | 'updated' | 'unchanged' | 'duplicate' | 'duplicate_skipped';

/** parse_invoice (`putRentalInvoice`). */
export type RentalWriteOutcome = Extract<WriteOutcome, 'inserted' | 'updated' | 'unchanged' | 'duplicate'>;

/** parse_retail_invoice (`writeRetailInvoice`). */
export type RetailWriteOutcome = Extract<WriteOutcome, 'inserted' | 'updated' | 'duplicate_skipped'>;

/** A record read successfully and deliberately not written: a retail receipt without a positive total. */
export type NotWrittenOutcome = 'rejected_zero_amount';

/** What a successful record reports. */
export type RecordOutcome = WriteOutcome | NotWrittenOutcome;

/**
 * What a failed record reports: always `error` in the envelope (with the error's code);
 * the log says `conflict` instead when the failure is kept for review.
 */
export type FailureOutcome = 'error' | 'conflict';
