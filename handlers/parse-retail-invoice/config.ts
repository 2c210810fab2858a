import { RETAIL_INVOICES_TABLE_ENV, RETAIL_LEDGER_TABLE_ENV } from '../../contract/environment';
import { RETAIL_SUB_TYPE_NAMES, RETAIL_SUB_TYPES, type RetailSubType } from '../../contract/sub-types';
import { positiveIntEnv, requireEnv } from '../shared/env';
import { MAX_HTML_BYTES } from './core/decode-body';

export interface ParseRetailInvoiceConfig {
  /** The RetailInvoices table (`RETAIL_INVOICES_TABLE`). */
  readonly retailTable: string;
  /** Each sub_type's detail table, from its environment variable (PAYPULSE_REFERENCE §2.2). */
  readonly detailTables: Readonly<Record<RetailSubType, string>>;
  /** @default - no ledger writes when RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE is unset */
  readonly ledgerTable?: string;
  /** Largest e-mail read (`MAX_HTML_BYTES`). */
  readonly maxBytes: number;
}

/** Reads the handler's environment, or throws `ConfigurationError` naming the variable. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ParseRetailInvoiceConfig {
  const ledger = env[RETAIL_LEDGER_TABLE_ENV]?.trim();
  return {
    retailTable: requireEnv(env, RETAIL_INVOICES_TABLE_ENV),
    detailTables: Object.fromEntries(
      RETAIL_SUB_TYPE_NAMES.map((subType) => [subType, requireEnv(env, RETAIL_SUB_TYPES[subType].tableEnv)]),
    ) as Record<RetailSubType, string>,
    ...(ledger ? { ledgerTable: ledger } : {}),
    maxBytes: positiveIntEnv(env, 'MAX_HTML_BYTES', MAX_HTML_BYTES),
  };
}
