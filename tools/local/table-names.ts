import { RENTAL_INVOICES_TABLE_ENV, RETAIL_INVOICES_TABLE_ENV, RETAIL_LEDGER_TABLE_ENV } from '../../contract/environment';
import { RETAIL_SUB_TYPES } from '../../contract/sub-types';
import { DEFAULT_TABLE_NAMES, type TableNames } from '../local-aws/tables';
import type { StackModel } from './stack-model';

/**
 * The tables live in another stack; the synthesized functions name them in their
 * environment, so the local tables take those names (the defaults where a function
 * or variable is absent).
 */
export function tableNamesFromStack(stack: StackModel): TableNames {
  const env = (fn: string) => stack.functions[fn]?.environment ?? {};
  const rental = env('parse_invoice');
  const retail = env('parse_retail_invoice');
  return {
    rentalInvoices: rental[RENTAL_INVOICES_TABLE_ENV] ?? DEFAULT_TABLE_NAMES.rentalInvoices,
    retailInvoices: retail[RETAIL_INVOICES_TABLE_ENV] ?? DEFAULT_TABLE_NAMES.retailInvoices,
    ledger: retail[RETAIL_LEDGER_TABLE_ENV] ?? DEFAULT_TABLE_NAMES.ledger,
    details: Object.fromEntries(
      Object.values(RETAIL_SUB_TYPES).map((s) => [s.tableEnv, retail[s.tableEnv] ?? DEFAULT_TABLE_NAMES.details[s.tableEnv]]),
    ),
  };
}
