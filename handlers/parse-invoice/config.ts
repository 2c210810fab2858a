import { RENTAL_INVOICES_TABLE_ENV } from '../../contract/environment';
import { positiveIntEnv, requireEnv } from '../shared/env';
import { DEFAULT_MAX_OBJECT_BYTES } from '../shared/s3-object';

export interface ParseInvoiceConfig {
  /** The RentalInvoices table (`DYNAMODB_TABLE`). */
  readonly table: string;
  /** Largest PDF read (`MAX_OBJECT_BYTES`). @default 10 MiB */
  readonly maxObjectBytes: number;
}

/** Reads the handler's environment, or throws `ConfigurationError` naming the variable. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ParseInvoiceConfig {
  return {
    table: requireEnv(env, RENTAL_INVOICES_TABLE_ENV),
    maxObjectBytes: positiveIntEnv(env, 'MAX_OBJECT_BYTES', DEFAULT_MAX_OBJECT_BYTES),
  };
}
