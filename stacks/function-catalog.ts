import { RENTAL_INVOICES_TABLE_ENV, RETAIL_INVOICES_TABLE_ENV, RETAIL_LEDGER_TABLE_ENV } from '../contract/environment';
import { RETAIL_SUB_TYPES } from '../contract/sub-types';
import type { LayerKey, TableConfig } from './config';

/**
 * The function catalog: every zip-deployed function of the existing deployment
 * (PAYPULSE_REFERENCE §2.2, latest version of each) plus parse_invoice's image.
 * One typed table; functions.ts turns it into resources.
 */

/** The values environment variables are built from (tokens at synth time). */
export interface EnvironmentContext {
  readonly region: string;
  readonly tables: TableConfig;
  /** Invoices bucket name (`var.invoices_bucket_name`). */
  readonly invoicesBucketName: string;
  readonly rentalInvoiceEmail: string;
  readonly rentalInvoiceEmailSubject: string;
  readonly notificationTopicArn: string;
  readonly backfillStateMachineArn: string;
  /** Sensitive Terraform variables; never literals. */
  readonly secrets: Readonly<Record<SecretName, string>>;
}

/** Secrets the functions read; each is a sensitive Terraform variable of the same name. */
export const SECRET_NAMES = ['jwt_secret', 'google_oauth_client_id', 'gemini_api_key', 'jev_api_key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export type FunctionTrigger =
  /** S3 ObjectCreated under INVOICES_PREFIX (literal in s3.tf, not `path_to_invoices`), filtered by suffix. Wired in this stack. */
  | { readonly type: 's3'; readonly suffix: string }
  /** Invoked by API Gateway, EventBridge, a DynamoDB stream or Step Functions; wired in other stacks. */
  | { readonly type: 'api' | 'schedule' | 'dynamodb-stream' | 'step-functions'; readonly detail?: string };

export type FunctionCode =
  /** A container image (parse_invoice). */
  | { readonly type: 'image' }
  /** A zip built from `handlers/<dir>` by tools/build/cli.ts. */
  | { readonly type: 'zip'; readonly runtime: string; readonly handler: string; readonly source: 'handlers' }
  /** A zip built elsewhere (the Python functions) and uploaded to the lambda bucket. */
  | { readonly type: 'zip'; readonly runtime: string; readonly handler: string; readonly source: 'external' };

/** Layers, by the key config's `layers` maps to an ARN or a layer name. */

export interface FunctionSpec {
  /** Function name and Terraform address (`aws_lambda_function.<name>`). */
  readonly name: string;
  /** The deployed description, verbatim (PAYPULSE_REFERENCE §2.2a); none where the function has none. */
  readonly description?: string;
  readonly code: FunctionCode;
  /** Seconds. */
  readonly timeout: number;
  /** MB. @default AWS's 128 (no memory_size set, as in the existing configuration) */
  readonly memorySize?: number;
  readonly environment: (ctx: EnvironmentContext) => Readonly<Record<string, string>>;
  /** The DynamoDB tables the function writes, granted by the role this stack manages (S3-triggered parsers). @default none */
  readonly tables?: (ctx: EnvironmentContext) => readonly string[];
  readonly layers: readonly LayerKey[];
  /** `shared`: the shared PayPulse Lambda role; `own`: a role of the function's own. */
  readonly role: 'shared' | 'own';
  readonly trigger: FunctionTrigger;
  /** Sets `logging_config { log_format = "JSON" }`. @default false */
  readonly jsonLogs?: boolean;
}

/** Where the TypeScript handlers run. */
export const NODE_RUNTIME = 'nodejs22.x';
export const NODE_HANDLER = 'index.handler';
/** `var.python_runtime` of the existing configuration. */
export const PYTHON_RUNTIME = 'python3.12';

const python = (handler: string, runtime = PYTHON_RUNTIME): FunctionCode => ({ type: 'zip', runtime, handler, source: 'external' });
const MAIN = 'main.lambda_handler';
const LAMBDA_FUNCTION = 'lambda_function.lambda_handler';

const retailDetailTables = ({ tables }: EnvironmentContext): Record<string, string> =>
  Object.fromEntries(
    Object.entries(RETAIL_SUB_TYPES).map(([subType, { tableEnv, defaultTable }]) => [
      tableEnv,
      tables.retailDetails[subType] ?? defaultTable,
    ]),
  );

const gmailFetchEnvironment = (ctx: EnvironmentContext): Record<string, string> => ({
  [RENTAL_INVOICES_TABLE_ENV]: ctx.tables.rentalInvoices,
  EMAIL_SENDER: ctx.rentalInvoiceEmail,
  EMAIL_SUBJECT: ctx.rentalInvoiceEmailSubject,
  REGION: ctx.region,
  S3_BUCKET: ctx.invoicesBucketName,
  JWT_SECRET: ctx.secrets.jwt_secret,
  GOOGLE_OAUTH_CLIENT_ID: ctx.secrets.google_oauth_client_id,
});

export const FUNCTION_CATALOG: readonly FunctionSpec[] = [
  {
    name: 'login_user',
    description: "This function is triggered via the iOS app when an existing user logs in. It receives the user's email and password, verifies the user details, and then returns the access token in the response.",
    code: python(MAIN, 'python3.9'),
    timeout: 15,
    memorySize: 128,
    environment: (c) => ({ USERS_TABLE: c.tables.users, JWT_SECRET: c.secrets.jwt_secret }),
    layers: ['bcrypt', 'pyjwt', 'utils'],
    role: 'shared',
    trigger: { type: 'api' },
  },
  {
    name: 'signup_user',
    description: "This function is triggered via the iOS app when a new user signs up. It creates a new user entry in DynamoDB, creates a folder with the UserID in rental invoices S3 bucket, and creates a secret for this user.",
    code: python(MAIN),
    timeout: 15,
    memorySize: 128,
    environment: (c) => ({ USERS_TABLE: c.tables.users, S3_BUCKET: c.invoicesBucketName, JWT_SECRET: c.secrets.jwt_secret }),
    layers: ['bcrypt', 'utils', 'pyjwt'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'get_user_profile',
    description: "This function retrieves the profile information for the authenticated user.",
    code: python(MAIN),
    timeout: 10,
    memorySize: 128,
    environment: (c) => ({ USERS_TABLE: c.tables.users, JWT_SECRET: c.secrets.jwt_secret, REGION: c.region }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'gmail_store_tokens',
    description: "This function stores OAuth tokens received from iOS app for Gmail API access.",
    code: python(MAIN),
    timeout: 15,
    memorySize: 128,
    environment: (c) => ({ JWT_SECRET: c.secrets.jwt_secret, REGION: c.region }),
    layers: ['utils', 'pyjwt'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'delete_user',
    description: "This function is used to delete a user's account from PayPulse. This deletes the user's invoices and information from DynamoDB tables, their secrets, and their invoices in S3.",
    code: python(MAIN),
    timeout: 30,
    memorySize: 128,
    environment: (c) => ({
      USERS_TABLE: c.tables.users,
      INVOICES_TABLE: c.tables.rentalInvoices,
      BUCKET_NAME: c.invoicesBucketName,
      JWT_SECRET: c.secrets.jwt_secret,
      RETAIL_INVOICES_TABLE: c.tables.retailInvoices,
      ...retailDetailTables(c),
    }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'fetch_invoices',
    description: "This function is a one-time trigger used to fetch all rental invoices found in the email inbox, download the PDF invoices, and upload them to the S3 bucket.",
    code: python(LAMBDA_FUNCTION),
    timeout: 300,
    environment: gmailFetchEnvironment,
    layers: ['utils', 'pyjwt', 'google_api'],
    role: 'shared',
    trigger: { type: 'api' },
  },
  {
    name: 'fetch_latest_invoice',
    description: "This function is triggered via API Gateway. It checks to see if an invoice is available for the current month, if not already parsed.",
    code: python(MAIN),
    timeout: 60,
    environment: gmailFetchEnvironment,
    layers: ['utils', 'pyjwt', 'google_api'],
    role: 'shared',
    trigger: { type: 'schedule', detail: 'daily rule; permission AllowEventBridgeToInvokeFetchLatestInvoice' },
  },
  {
    name: 'parse_invoice',
    description: "This function is triggered whenever a new rental invoice PDF is uploaded to the S3 bucket. It parses the function and inserts the rental invoice details into the DynamoDB table.",
    code: { type: 'image' },
    timeout: 60,
    // Chosen, not inherited (was AWS's default 128): the bundle peaks at ~80 MB RSS on a Hyresavi
    // and ~112 MB on the largest stream its budgets admit (handlers/parse-invoice/core/pdf-budget.ts),
    // too close to 128 MB; 512 MB leaves >4x headroom for the runtime and buys CPU for pdf.js's
    // cold load (Lambda scales CPU with memory). Measured by `npm run bench` (parse_invoice peak RSS).
    memorySize: 512,
    environment: (c) => ({ [RENTAL_INVOICES_TABLE_ENV]: c.tables.rentalInvoices, REGION: c.region }),
    tables: (c) => [c.tables.rentalInvoices],
    layers: [],
    role: 'shared',
    trigger: { type: 's3', suffix: '.pdf' },
  },
  {
    name: 'send_invoice_notification',
    description: "This function is triggered whenever a new record is added to the Wallenstam-Invoices DynamoDB table. It sends a SNS notification containing the invoice details.",
    code: python(MAIN),
    timeout: 3,
    environment: (c) => ({ SNS_TOPIC_ARN: c.notificationTopicArn }),
    layers: [],
    role: 'shared',
    trigger: { type: 'dynamodb-stream', detail: 'RentalInvoices stream, batch size 1' },
  },
  {
    name: 'get_rental_invoice',
    description: "This function retrieves all details for a given rental invoice ID.",
    code: python(MAIN),
    timeout: 10,
    memorySize: 128,
    environment: (c) => ({ INVOICES_TABLE: c.tables.rentalInvoices, JWT_SECRET: c.secrets.jwt_secret }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'get_invoices',
    description: "This function retrieves all invoices (rental or retail) for a given user.",
    code: python(MAIN),
    timeout: 15,
    memorySize: 256,
    environment: (c) => ({
      RENTAL_INVOICES_TABLE: c.tables.rentalInvoices,
      RETAIL_INVOICES_TABLE: c.tables.retailInvoices,
      JWT_SECRET: c.secrets.jwt_secret,
    }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'fetch_retail_invoices',
    code: python(LAMBDA_FUNCTION),
    timeout: 900,
    memorySize: 512,
    environment: (c) => ({
      JWT_SECRET: c.secrets.jwt_secret,
      S3_BUCKET: c.invoicesBucketName,
      USERS_TABLE: c.tables.users,
      VENDOR_CONFIG_TABLE: c.tables.vendorConfig,
      REGION: c.region,
      GOOGLE_OAUTH_CLIENT_ID: c.secrets.google_oauth_client_id,
    }),
    layers: ['utils', 'pyjwt', 'google_api'],
    role: 'own',
    trigger: { type: 'api', detail: 'POST /v1/invoices/retail/ingest; weekly rule (AllowEventBridgeWeeklyTrigger)' },
  },
  {
    name: 'parse_retail_invoice',
    description: "This function is triggered whenever a new retail invoice HTML file is uploaded to the S3 bucket. It parses the HTML and inserts the retail invoice details into the DynamoDB tables.",
    code: { type: 'zip', runtime: NODE_RUNTIME, handler: NODE_HANDLER, source: 'handlers' },
    timeout: 60,
    memorySize: 256,
    environment: (c) => ({
      [RETAIL_INVOICES_TABLE_ENV]: c.tables.retailInvoices,
      ...retailDetailTables(c),
      [RETAIL_LEDGER_TABLE_ENV]: c.tables.retailLedger,
    }),
    tables: (c) => [c.tables.retailInvoices, ...Object.values(retailDetailTables(c)), c.tables.retailLedger],
    layers: [],
    role: 'own',
    trigger: { type: 's3', suffix: '.html' },
    jsonLogs: true,
  },
  {
    name: 'delete_retail_invoice',
    description: "This function deletes a retail invoice (hard delete from DynamoDB and S3) for a given user.",
    code: python(MAIN),
    timeout: 15,
    memorySize: 128,
    environment: (c) => ({
      RETAIL_INVOICES_TABLE: c.tables.retailInvoices,
      BUCKET_NAME: c.invoicesBucketName,
      JWT_SECRET: c.secrets.jwt_secret,
      ...retailDetailTables(c),
    }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
  {
    name: 'fetch_and_classify_retail_invoices',
    code: python(LAMBDA_FUNCTION),
    timeout: 900,
    memorySize: 512,
    environment: (c) => ({
      S3_BUCKET: c.invoicesBucketName,
      USERS_TABLE: c.tables.users,
      REGION: c.region,
      GOOGLE_OAUTH_CLIENT_ID: c.secrets.google_oauth_client_id,
      GEMINI_API_KEY: c.secrets.gemini_api_key,
      JEV_API_KEY: c.secrets.jev_api_key,
      RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE: c.tables.retailLedger,
      NOUL_THRESHOLD: '0.5',
      CHOICE_CONFIDENCE_THRESHOLD: '0.6',
      MAX_SWEEP_PAGES: '10',
      EXCLUDED_SENDER_EMAILS: c.rentalInvoiceEmail,
    }),
    layers: ['utils', 'pyjwt', 'google_api', 'jev', 'google_genai'],
    role: 'own',
    trigger: { type: 'schedule', detail: 'sweep rule twice a day (AllowEventBridgeSweepTrigger); Step Functions retail-invoice-backfill' },
  },
  {
    name: 'start_retail_invoice_backfill',
    description: "Starts a historical retail invoice backfill (Step Functions execution) for the authenticated caller. UNTESTED.",
    code: python(MAIN),
    timeout: 15,
    memorySize: 128,
    environment: (c) => ({ JWT_SECRET: c.secrets.jwt_secret, STATE_MACHINE_ARN: c.backfillStateMachineArn }),
    layers: ['pyjwt', 'utils'],
    role: 'own',
    trigger: { type: 'api' },
  },
];

/** The functions S3 invokes (the notification's targets). */
export const S3_TRIGGERED = FUNCTION_CATALOG.filter(
  (spec): spec is FunctionSpec & { trigger: { type: 's3'; suffix: string } } => spec.trigger.type === 's3',
);
