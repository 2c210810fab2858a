import { INVOICES_PREFIX } from '../contract/keys';
import { DEFAULT_RETAIL_DETAIL_TABLES, DEFAULT_TABLES } from '../contract/tables';

/**
 * The one typed configuration of the PayPulse stack.
 *
 * Defaults equal the existing HCL variables' defaults (PAYPULSE_REFERENCE §1.2), so
 * a plain synth matches the deployed state. Overrides come from the cdktf context
 * key `paypulse` (cdktf.json or `--context`) and from `PAYPULSE_*` environment
 * variables (see `configFromEnv`); `resolveConfig` validates the merged result and
 * throws one error listing every violation.
 */

export interface LocalBackendConfig {
  readonly type: 'local';
  /** @default 'terraform.paypulse.tfstate' */
  readonly path: string;
}

export interface S3BackendConfig {
  readonly type: 's3';
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /** State-lock table; omit for no locking. */
  readonly dynamodbTable?: string;
  /** @default true */
  readonly encrypt: boolean;
}

export type BackendConfig = LocalBackendConfig | S3BackendConfig;

/** How functions get their execution role. */
export type ExecutionRoleMode =
  /** Role ARNs come from config; the roles live in another stack (as today). */
  | 'external'
  /** A least-privilege role per parse function is created in this stack. */
  | 'managed';

/** How parse_invoice's container image is produced and referenced. */
export type ParserImageConfig =
  /** `cdktf deploy` builds docker/parse-invoice/Dockerfile, pushes it to ECR and pins the function to its digest. Needs Docker. */
  | { readonly mode: 'build' }
  /** For deploy machines without Docker: an image already in ECR, by tag, resolved to its digest by `data "aws_ecr_image"`. */
  | { readonly mode: 'pinned'; readonly tag: string };

/** Where zip functions whose source is in handlers/ get their artifact. */
export type ZipArtifactMode =
  /** Built by tools/build/cli.ts and uploaded by this stack as a versioned `aws_s3_object`. */
  | 'managed'
  /** Uploaded by someone else; `data "aws_s3_object" "<fn>_zip"` reads its current version. */
  | 'external';

/** The Lambda layers the functions use (they live in another stack). */
export type LayerKey = 'utils' | 'pyjwt' | 'google_api' | 'gemini_parsers' | 'google_genai' | 'jev' | 'bcrypt';

/**
 * A layer: a full layer-version ARN (pinned), a layer name in this account resolved to its
 * latest version, or `klayers:<package>`: the public Klayers layer `Klayers-p312-<package>`
 * of the stack's region, resolved to its latest python3.12 version.
 */
export type LayerRef = string;

/** The deployed role of each function that does not use the shared role (PAYPULSE_REFERENCE §2.2a). */
export const DEFAULT_ROLE_NAMES: Readonly<Record<string, string>> = {
  signup_user: 'Signup-Lambda-Role',
  get_user_profile: 'get_user_profile_lambda_role',
  gmail_store_tokens: 'Gmail-Store-Tokens-Lambda-Role',
  delete_user: 'delete_user_lambda_role',
  get_rental_invoice: 'get_rental_invoice_lambda_role',
  get_invoices: 'get_invoices_lambda_role',
  fetch_retail_invoices: 'Fetch-Retail-Invoices_Lambda_Role',
  parse_retail_invoice: 'parse_retail_invoice_lambda_role',
  delete_retail_invoice: 'delete_retail_invoice_lambda_role',
  fetch_and_classify_retail_invoices: 'Fetch-And-Classify-Retail-Invoices_Lambda_Role',
  start_retail_invoice_backfill: 'Start-Retail-Invoice-Backfill_Lambda_Role',
};

export interface PayPulseConfig {
  /** @default 'paypulse' */
  readonly stackId: string;
  /** Default of the `aws_region` variable, used by the provider. @default 'eu-west-1' */
  readonly region: string;
  /** Default of `invoices_bucket_name`. @default 'rental-invoices-bucket' */
  readonly invoicesBucketName: string;
  /** Default of `path_to_invoices`. @default 'invoices/' */
  readonly pathToInvoices: string;
  /** Default of `lambda_functions_bucket_name`. @default 'wallenstam-lambda-bucket' */
  readonly lambdaFunctionsBucketName: string;
  /** @default local */
  readonly backend: BackendConfig;
  /**
   * Adds an `aws:SourceAccount` condition and a deny-insecure-transport statement to
   * the lambda bucket policy. Changes an existing resource, so it is opt-in.
   * @default false
   */
  readonly hardenedLambdaBucketPolicy: boolean;
  /**
   * Every hardening that changes an existing resource: the hardened lambda bucket policy,
   * `source_account` on the S3 invoke permissions (which replaces them), and a dedicated
   * execution role for S3-triggered functions on the shared role (parse_invoice), so its
   * failure destination is granted to it alone. Additions (lambda bucket SSE, public-access
   * block and lifecycle, the invoices bucket's TLS-only policy, failure queue and alarm)
   * are always on. See stacks/hardened-changes.ts.
   * @default false
   */
  readonly hardened: boolean;
  /** Noncurrent lambda zip versions always kept for rollbacks (1-100). @default 10 */
  readonly lambdaZipNoncurrentVersionsKept: number;
  /** Days after which a noncurrent zip version beyond the kept ones expires. @default 30 */
  readonly lambdaZipNoncurrentDays: number;
  /** SNS topic the failure-queue alarm notifies. @default none (the alarm shows in CloudWatch only) */
  readonly failureAlarmTopicArn?: string;
  /** @default 'external' */
  readonly executionRoles: ExecutionRoleMode;
  /**
   * Execution role ARN per function name (or `shared` for the shared role). A function
   * without an entry gets `arn:<partition>:iam::<account>:role/<name>`, where name is
   * `sharedRoleName` for functions on the shared role and `roleNames[<fn>]` otherwise.
   */
  readonly roleArns: Readonly<Record<string, string>>;
  /**
   * Name of the shared role: the existing root variable `lambda_role`, not the Terraform
   * resource name (PAYPULSE_REFERENCE §2.2a). @default 'Wallenstam-Lambda-Role'
   */
  readonly sharedRoleName: string;
  /** IAM role name of each function with a role of its own. @default the deployed names (PAYPULSE_REFERENCE §2.2a) */
  readonly roleNames: Readonly<Record<string, string>>;
  /** DynamoDB table names the functions are configured with (the tables live in another stack). */
  readonly tables: TableConfig;
  /**
   * Lambda layers (they live in another stack). @default each own layer's name, resolved
   * to its latest version; bcrypt from Klayers (`klayers:bcrypt`)
   */
  readonly layers: Readonly<Record<LayerKey, LayerRef>>;
  /** `rental_invoice_email`. @default 'kundservice@wallenstam.se' */
  readonly rentalInvoiceEmail: string;
  /** `rental_invoice_email_subject`. @default 'hyresavi' */
  readonly rentalInvoiceEmailSubject: string;
  /** `rental_invoice_notification_topic`. @default 'NewInvoiceNotificationTopic' */
  readonly notificationTopicName: string;
  /** @default 'retail-invoice-backfill' */
  readonly backfillStateMachineName: string;
  /** @default 'managed' */
  readonly zipArtifacts: ZipArtifactMode;
  /** ECR repository of parse_invoice. @default 'wallenstam/invoice-parser' */
  readonly parserImageRepository: string;
  /**
   * The repository exists already (made by hand): emit an import block instead of creating it.
   * Set false in a fresh account. @default true
   */
  readonly importParserImageRepository: boolean;
  /** @default 'MUTABLE' (as the existing repository, whose `latest` tag moved) */
  readonly parserImageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  /** @default { mode: 'build' } */
  readonly parserImage: ParserImageConfig;
}

export interface TableConfig {
  /** @default 'Users' */
  readonly users: string;
  /** @default 'VendorConfig' */
  readonly vendorConfig: string;
  /** @default 'RentalInvoices' (`invoices_table`) */
  readonly rentalInvoices: string;
  /** @default 'RetailInvoices' */
  readonly retailInvoices: string;
  /** @default 'RetailEmailClassificationLedger' */
  readonly retailLedger: string;
  /** Detail table per retail sub_type. @default the reference's names */
  readonly retailDetails: Readonly<Record<string, string>>;
}

/** A partial override of the config, one level of nesting deep. */
export type PayPulseConfigOverrides = {
  readonly [K in keyof PayPulseConfig]?: PayPulseConfig[K] extends string | boolean
    ? PayPulseConfig[K]
    : PayPulseConfig[K] extends BackendConfig | ParserImageConfig | ZipArtifactMode
      ? PayPulseConfig[K]
      : Partial<PayPulseConfig[K]>;
};

export const DEFAULT_CONFIG: PayPulseConfig = {
  stackId: 'paypulse',
  region: 'eu-west-1',
  invoicesBucketName: 'rental-invoices-bucket',
  pathToInvoices: INVOICES_PREFIX,
  lambdaFunctionsBucketName: 'wallenstam-lambda-bucket',
  backend: { type: 'local', path: 'terraform.paypulse.tfstate' },
  hardenedLambdaBucketPolicy: false,
  hardened: false,
  lambdaZipNoncurrentVersionsKept: 10,
  lambdaZipNoncurrentDays: 30,
  executionRoles: 'external',
  roleArns: {},
  sharedRoleName: 'Wallenstam-Lambda-Role',
  roleNames: DEFAULT_ROLE_NAMES,
  tables: {
    ...DEFAULT_TABLES,
    retailDetails: DEFAULT_RETAIL_DETAIL_TABLES,
  },
  layers: {
    utils: 'utils-layer',
    pyjwt: 'pyjwt-layer',
    google_api: 'google-api-layer',
    gemini_parsers: 'gemini-parsers-layer',
    google_genai: 'google_genai_layer',
    jev: 'jev_layer',
    bcrypt: 'klayers:bcrypt',
  },
  rentalInvoiceEmail: 'kundservice@wallenstam.se',
  rentalInvoiceEmailSubject: 'hyresavi',
  notificationTopicName: 'NewInvoiceNotificationTopic',
  backfillStateMachineName: 'retail-invoice-backfill',
  zipArtifacts: 'managed',
  parserImageRepository: 'wallenstam/invoice-parser',
  importParserImageRepository: true,
  parserImageTagMutability: 'MUTABLE',
  parserImage: { mode: 'build' },
};

export class ConfigError extends Error {
  /** The envelope code CLIs print (`error: VALIDATION_ERROR: ...`). */
  readonly code = 'VALIDATION_ERROR';
  constructor(readonly violations: readonly string[]) {
    super(`Invalid PayPulse configuration:\n${violations.map((v) => `  - ${v}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
const ECR_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const LAYER_REF = /^(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+|klayers:[A-Za-z0-9_-]+|[A-Za-z0-9_-]{1,140})$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

const quoteAll = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/** Top-level keys with no default (unset means off). */
const OPTIONAL_KEYS: readonly (keyof PayPulseConfig)[] = ['failureAlarmTopicArn'];

/** Keys an override may set, per level; anything else is a typo that would otherwise be ignored. */
function unknownKeys(overrides: PayPulseConfigOverrides): string[] {
  const violations: string[] = [];
  const checkKeys = (where: string, value: unknown, valid: readonly string[]) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      violations.push(`${where || 'the paypulse context'} must be an object`);
      return;
    }
    for (const key of Object.keys(value)) {
      if (!valid.includes(key)) violations.push(`unknown key '${where ? `${where}.` : ''}${key}'; valid keys: ${quoteAll(valid)}`);
    }
  };
  checkKeys('', overrides, [...Object.keys(DEFAULT_CONFIG), ...OPTIONAL_KEYS]);
  if (overrides.tables !== undefined) checkKeys('tables', overrides.tables, Object.keys(DEFAULT_CONFIG.tables));
  if (overrides.tables?.retailDetails !== undefined) checkKeys('tables.retailDetails', overrides.tables.retailDetails, Object.keys(DEFAULT_RETAIL_DETAIL_TABLES));
  if (overrides.layers !== undefined) checkKeys('layers', overrides.layers, Object.keys(DEFAULT_CONFIG.layers));
  return violations;
}

const BOOLEAN_KEYS = ['hardenedLambdaBucketPolicy', 'hardened', 'importParserImageRepository'] as const;

function validate(config: PayPulseConfig): string[] {
  const violations: string[] = [];
  const check = (ok: boolean, message: string) => ok || violations.push(message);
  for (const key of BOOLEAN_KEYS) check(typeof config[key] === 'boolean', `${key} must be true or false, got '${String(config[key])}'`);
  check(/^[A-Za-z][A-Za-z0-9-]*$/.test(config.stackId), `stackId '${config.stackId}' must be letters, digits and '-'`);
  check(REGION.test(config.region), `region '${config.region}' is not an AWS region name`);
  for (const [prop, value] of [
    ['invoicesBucketName', config.invoicesBucketName],
    ['lambdaFunctionsBucketName', config.lambdaFunctionsBucketName],
  ] as const) {
    check(BUCKET_NAME.test(value), `${prop} '${value}' is not a valid S3 bucket name (3-63 of a-z, 0-9, '.', '-')`);
  }
  check(
    config.pathToInvoices.length > 0 && !config.pathToInvoices.startsWith('/'),
    `pathToInvoices '${config.pathToInvoices}' must be a non-empty key that does not start with '/'`,
  );
  if (config.backend.type === 's3') {
    const b = config.backend;
    check(BUCKET_NAME.test(b.bucket ?? ''), `backend.bucket '${b.bucket}' is not a valid S3 bucket name`);
    check(Boolean(b.key), 'backend.key is required for the s3 backend');
    check(REGION.test(b.region ?? ''), `backend.region '${b.region}' is not an AWS region name`);
  } else if (config.backend.type === 'local') {
    check(Boolean(config.backend.path), 'backend.path is required for the local backend');
  } else {
    violations.push(`backend.type must be 'local' or 's3', got '${(config.backend as { type: unknown }).type}'`);
  }
  check(
    config.executionRoles === 'external' || config.executionRoles === 'managed',
    `executionRoles must be 'external' or 'managed', got '${config.executionRoles}'`,
  );
  for (const [fn, arn] of Object.entries(config.roleArns)) {
    check(ROLE_ARN.test(arn), `roleArns.${fn} '${arn}' is not an IAM role ARN`);
  }
  if (config.parserImage.mode === 'pinned') {
    check(ECR_TAG.test(config.parserImage.tag ?? ''), `parserImage.tag '${config.parserImage.tag}' is not a valid image tag`);
  } else if (config.parserImage.mode !== 'build') {
    violations.push(`parserImage.mode must be 'build' or 'pinned', got '${(config.parserImage as { mode: unknown }).mode}'`);
  }
  check(
    config.zipArtifacts === 'managed' || config.zipArtifacts === 'external',
    `zipArtifacts must be 'managed' or 'external', got '${config.zipArtifacts}'`,
  );
  check(
    config.parserImageTagMutability === 'MUTABLE' || config.parserImageTagMutability === 'IMMUTABLE',
    `parserImageTagMutability must be 'MUTABLE' or 'IMMUTABLE', got '${config.parserImageTagMutability}'`,
  );
  for (const [fn, name] of Object.entries(config.roleNames)) {
    check(ROLE_NAME.test(name), `roleNames.${fn} '${name}' is not an IAM role name`);
  }
  check(ROLE_NAME.test(config.sharedRoleName), `sharedRoleName '${config.sharedRoleName}' is not an IAM role name`);
  const kept = config.lambdaZipNoncurrentVersionsKept;
  check(Number.isInteger(kept) && kept >= 1 && kept <= 100, `lambdaZipNoncurrentVersionsKept must be an integer from 1 to 100, got ${kept}`);
  const days = config.lambdaZipNoncurrentDays;
  check(Number.isInteger(days) && days >= 1, `lambdaZipNoncurrentDays must be a positive integer, got ${days}`);
  if (config.failureAlarmTopicArn !== undefined) {
    check(SNS_TOPIC_ARN.test(config.failureAlarmTopicArn), `failureAlarmTopicArn '${config.failureAlarmTopicArn}' is not an SNS topic ARN`);
  }
  for (const [layer, ref] of Object.entries(config.layers)) {
    check(LAYER_REF.test(ref), `layers.${layer} '${ref}' is neither a layer version ARN nor a layer name`);
  }
  return violations;
}

/** Merges overrides over the defaults and validates; throws `ConfigError` listing every violation. */
export function resolveConfig(...overrides: Array<PayPulseConfigOverrides | undefined>): PayPulseConfig {
  let config: PayPulseConfig = DEFAULT_CONFIG;
  const violations: string[] = [];
  for (const o of overrides) {
    if (o === undefined) continue;
    violations.push(...unknownKeys(o));
    if (typeof o !== 'object' || o === null) continue;
    config = {
      ...config,
      ...o,
      roleArns: { ...config.roleArns, ...o.roleArns },
      roleNames: { ...config.roleNames, ...o.roleNames },
      layers: { ...config.layers, ...o.layers },
      tables: {
        ...config.tables,
        ...o.tables,
        retailDetails: { ...config.tables.retailDetails, ...o.tables?.retailDetails },
      },
    } as PayPulseConfig;
  }
  violations.push(...validate(config));
  if (violations.length) throw new ConfigError(violations);
  return config;
}

/** The `PAYPULSE_*` variables configFromEnv reads; any other `PAYPULSE_*` is an error (a typo). */
export const CONFIG_ENV_VARIABLES = [
  'PAYPULSE_REGION',
  'PAYPULSE_INVOICES_BUCKET',
  'PAYPULSE_PATH_TO_INVOICES',
  'PAYPULSE_LAMBDA_BUCKET',
  'PAYPULSE_HARDENED_LAMBDA_BUCKET_POLICY',
  'PAYPULSE_HARDENED',
  'PAYPULSE_EXECUTION_ROLES',
  'PAYPULSE_PARSER_IMAGE_TAG',
  'PAYPULSE_ZIP_ARTIFACTS',
  'PAYPULSE_BACKEND',
  'PAYPULSE_STATE_BUCKET',
  'PAYPULSE_STATE_KEY',
  'PAYPULSE_STATE_REGION',
  'PAYPULSE_STATE_LOCK_TABLE',
  'PAYPULSE_FAILURE_ALARM_TOPIC_ARN',
] as const;

/** PAYPULSE_* variables that steer the tools and tests, not the stack; config leaves them alone. */
export const TOOL_ENV_VARIABLES: readonly string[] = ['PAYPULSE_SKIP_REAL_PLAN'];

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

/**
 * Overrides from the environment, for CI and one-off deploys:
 *
 *   PAYPULSE_REGION, PAYPULSE_INVOICES_BUCKET, PAYPULSE_PATH_TO_INVOICES, PAYPULSE_LAMBDA_BUCKET,
 *   PAYPULSE_HARDENED_LAMBDA_BUCKET_POLICY=true, PAYPULSE_HARDENED=true, PAYPULSE_EXECUTION_ROLES=managed,
 *   PAYPULSE_PARSER_IMAGE_TAG (selects the pinned image mode), PAYPULSE_ZIP_ARTIFACTS=external,
 *   PAYPULSE_BACKEND=s3 with PAYPULSE_STATE_BUCKET, PAYPULSE_STATE_KEY, PAYPULSE_STATE_REGION,
 *   PAYPULSE_STATE_LOCK_TABLE (optional), PAYPULSE_FAILURE_ALARM_TOPIC_ARN.
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): PayPulseConfigOverrides {
  const overrides: Record<string, unknown> = {};
  const violations = Object.keys(env)
    .filter((name) => name.startsWith('PAYPULSE_') && !(CONFIG_ENV_VARIABLES as readonly string[]).includes(name) && !TOOL_ENV_VARIABLES.includes(name))
    .map((name) => `unknown environment variable ${name}; valid: ${CONFIG_ENV_VARIABLES.join(', ')}`);
  const set = (key: keyof PayPulseConfig, value: unknown) => value !== undefined && value !== '' && (overrides[key] = value);
  const flag = (name: (typeof CONFIG_ENV_VARIABLES)[number]): boolean | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = BOOLEAN_WORDS[raw.toLowerCase()];
    if (value === undefined) violations.push(`${name} must be one of ${Object.keys(BOOLEAN_WORDS).join(', ')}, got '${raw}'`);
    return value;
  };
  set('region', env.PAYPULSE_REGION);
  set('invoicesBucketName', env.PAYPULSE_INVOICES_BUCKET);
  set('pathToInvoices', env.PAYPULSE_PATH_TO_INVOICES);
  set('lambdaFunctionsBucketName', env.PAYPULSE_LAMBDA_BUCKET);
  set('hardenedLambdaBucketPolicy', flag('PAYPULSE_HARDENED_LAMBDA_BUCKET_POLICY'));
  set('hardened', flag('PAYPULSE_HARDENED'));
  set('executionRoles', env.PAYPULSE_EXECUTION_ROLES);
  if (env.PAYPULSE_PARSER_IMAGE_TAG) set('parserImage', { mode: 'pinned', tag: env.PAYPULSE_PARSER_IMAGE_TAG });
  set('zipArtifacts', env.PAYPULSE_ZIP_ARTIFACTS);
  set('failureAlarmTopicArn', env.PAYPULSE_FAILURE_ALARM_TOPIC_ARN);
  if (env.PAYPULSE_BACKEND === 's3') {
    set('backend', {
      type: 's3',
      bucket: env.PAYPULSE_STATE_BUCKET ?? '',
      key: env.PAYPULSE_STATE_KEY ?? 'paypulse/terraform.tfstate',
      region: env.PAYPULSE_STATE_REGION ?? env.PAYPULSE_REGION ?? DEFAULT_CONFIG.region,
      dynamodbTable: env.PAYPULSE_STATE_LOCK_TABLE || undefined,
      encrypt: true,
    } satisfies S3BackendConfig);
  } else if (env.PAYPULSE_BACKEND && env.PAYPULSE_BACKEND !== 'local') {
    overrides.backend = { type: env.PAYPULSE_BACKEND };
  }
  if (violations.length) throw new ConfigError(violations);
  return overrides as PayPulseConfigOverrides;
}
