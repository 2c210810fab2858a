import { RETAIL_SUB_TYPES } from '../handlers/shared/sub-types';
import type { TableConfig } from './config';

/** What the environment variable values of a function are built from. */
export interface EnvironmentContext {
  readonly region: string;
  readonly tables: TableConfig;
}

export type FunctionTrigger =
  /** S3 ObjectCreated under the literal `invoices/` prefix, filtered by suffix. */
  { readonly type: 's3'; readonly suffix: string };

export type FunctionCode =
  | { readonly type: 'image' }
  | { readonly type: 'zip'; readonly runtime: string; readonly handler: string };

export interface FunctionSpec {
  /** Function name and Terraform address (`aws_lambda_function.<name>`). */
  readonly name: string;
  readonly code: FunctionCode;
  /** Seconds. */
  readonly timeout: number;
  /** MB. @default AWS's 128 (no memory_size set, as in the existing configuration) */
  readonly memorySize?: number;
  readonly environment: (ctx: EnvironmentContext) => Readonly<Record<string, string>>;
  readonly trigger: FunctionTrigger;
  /** Sets `logging_config { log_format = "JSON" }`. @default false */
  readonly jsonLogs?: boolean;
}

/** Where the TypeScript handlers run. */
export const NODE_RUNTIME = 'nodejs22.x';
export const NODE_HANDLER = 'index.handler';

/** The S3 prefix both notification blocks use in s3.tf (literal, not `path_to_invoices`). */
export const UPLOAD_PREFIX = 'invoices/';

const retailDetailTableEnv = (tables: TableConfig): Record<string, string> =>
  Object.fromEntries(
    Object.entries(RETAIL_SUB_TYPES).map(([subType, { tableEnv, defaultTable }]) => [
      tableEnv,
      tables.retailDetails[subType] ?? defaultTable,
    ]),
  );

/** The two S3-triggered parsers (PAYPULSE_REFERENCE §2.2), with the handlers in handlers/. */
export const PARSE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'parse_invoice',
    code: { type: 'image' },
    timeout: 60,
    environment: ({ region, tables }) => ({ DYNAMODB_TABLE: tables.rentalInvoices, REGION: region }),
    trigger: { type: 's3', suffix: '.pdf' },
  },
  {
    name: 'parse_retail_invoice',
    code: { type: 'zip', runtime: NODE_RUNTIME, handler: NODE_HANDLER },
    timeout: 60,
    memorySize: 256,
    environment: ({ tables }) => ({
      RETAIL_INVOICES_TABLE: tables.retailInvoices,
      ...retailDetailTableEnv(tables),
      RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE: tables.retailLedger,
    }),
    trigger: { type: 's3', suffix: '.html' },
    jsonLogs: true,
  },
];
