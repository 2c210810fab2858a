import { RETAIL_INVOICES_TABLE_ENV, RETAIL_LEDGER_TABLE_ENV } from '../../contract/environment';
import { positiveIntEnv, requireEnv } from '../shared/env';
import { RETAIL_SUB_TYPES, type RetailSubType } from '../../contract/sub-types';
import { MAX_HTML_BYTES } from './core/decode-body';

export interface RetailConfig {
  readonly retailTable: string;
  /** The sub_type's detail table, from its environment variable (PAYPULSE_REFERENCE §2.2). */
  readonly detailTable: string;
  /** @default - no ledger writes when RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE is unset */
  readonly ledgerTable?: string;
  readonly maxBytes: number;
}

/** The tables and limits for one record, from the Lambda environment. */
export function readRetailConfig(env: Readonly<Record<string, string | undefined>>, subType: RetailSubType): RetailConfig {
  const ledger = env[RETAIL_LEDGER_TABLE_ENV]?.trim();
  return {
    retailTable: requireEnv(env, RETAIL_INVOICES_TABLE_ENV),
    detailTable: requireEnv(env, RETAIL_SUB_TYPES[subType].tableEnv),
    ...(ledger ? { ledgerTable: ledger } : {}),
    maxBytes: positiveIntEnv(env, 'MAX_HTML_BYTES', MAX_HTML_BYTES),
  };
}
