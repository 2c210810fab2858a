import { RENTAL_INVOICES_TABLE_ENV, RETAIL_INVOICES_TABLE_ENV, RETAIL_LEDGER_TABLE_ENV } from '../../contract/environment';
import { DEFAULT_TABLE_NAMES } from './tables';

export type HandlerName = 'parse_invoice' | 'parse_retail_invoice';

/** The Lambda environment each parser gets in the stack, pointed at the loopback tables. */
export const HANDLER_ENV: Readonly<Record<HandlerName, Readonly<Record<string, string>>>> = {
  parse_invoice: { [RENTAL_INVOICES_TABLE_ENV]: DEFAULT_TABLE_NAMES.rentalInvoices },
  parse_retail_invoice: {
    [RETAIL_INVOICES_TABLE_ENV]: DEFAULT_TABLE_NAMES.retailInvoices,
    [RETAIL_LEDGER_TABLE_ENV]: DEFAULT_TABLE_NAMES.ledger,
    ...DEFAULT_TABLE_NAMES.details,
  },
};

/** Every table either parser may write to. */
export const ALL_TABLES: readonly string[] = [
  DEFAULT_TABLE_NAMES.rentalInvoices,
  DEFAULT_TABLE_NAMES.retailInvoices,
  DEFAULT_TABLE_NAMES.ledger,
  ...Object.values(DEFAULT_TABLE_NAMES.details),
];
