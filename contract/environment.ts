/**
 * Environment variable names the stack sets and the handlers read (PAYPULSE_REFERENCE §2.2).
 * The retail detail tables' variables are in sub-types.ts, one per sub_type.
 */

/** parse_invoice's RentalInvoices table (and the Gmail fetchers'). */
export const RENTAL_INVOICES_TABLE_ENV = 'DYNAMODB_TABLE';
/** parse_retail_invoice's base table. */
export const RETAIL_INVOICES_TABLE_ENV = 'RETAIL_INVOICES_TABLE';
/** parse_retail_invoice's classification ledger (optional: no ledger writes when unset). */
export const RETAIL_LEDGER_TABLE_ENV = 'RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE';
