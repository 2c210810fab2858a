import { resource, synthPayPulse } from '../support/synth';
import { DEFAULT_ROLE_NAMES } from '../../stacks/config';

/**
 * The reference's function inventory (PAYPULSE_REFERENCE §2.2), written out again
 * here on purpose: the test fails if the catalog drifts from it.
 */
const INVENTORY: Record<string, { runtime: string; handler: string; timeout: number; memory?: number; env: string[]; layers: string[]; shared?: true }> = {
  login_user: { runtime: 'python3.9', handler: 'main.lambda_handler', timeout: 15, memory: 128, env: ['USERS_TABLE', 'JWT_SECRET'], layers: ['bcrypt', 'pyjwt', 'utils'], shared: true },
  signup_user: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 15, memory: 128, env: ['USERS_TABLE', 'S3_BUCKET', 'JWT_SECRET'], layers: ['bcrypt', 'utils', 'pyjwt'] },
  get_user_profile: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 10, memory: 128, env: ['USERS_TABLE', 'JWT_SECRET', 'REGION'], layers: ['pyjwt', 'utils'] },
  gmail_store_tokens: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 15, memory: 128, env: ['JWT_SECRET', 'REGION'], layers: ['utils', 'pyjwt'] },
  delete_user: {
    runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 30, memory: 128,
    env: ['USERS_TABLE', 'INVOICES_TABLE', 'BUCKET_NAME', 'JWT_SECRET', 'RETAIL_INVOICES_TABLE', 'FOOD_DELIVERY_INVOICES_TABLE', 'CLOTHING_INVOICES_TABLE', 'TECHNOLOGY_INVOICES_TABLE', 'SUBSCRIPTION_INVOICES_TABLE', 'GROCERY_INVOICES_TABLE', 'MISC_UTILITY_INVOICES_TABLE', 'MISC_INVOICES_TABLE', 'TRAVEL_INVOICES_TABLE'],
    layers: ['pyjwt', 'utils'],
  },
  fetch_invoices: {
    runtime: 'python3.12', handler: 'lambda_function.lambda_handler', timeout: 300,
    env: ['DYNAMODB_TABLE', 'EMAIL_SENDER', 'EMAIL_SUBJECT', 'REGION', 'S3_BUCKET', 'JWT_SECRET', 'GOOGLE_OAUTH_CLIENT_ID'], layers: ['utils', 'pyjwt', 'google_api'], shared: true,
  },
  fetch_latest_invoice: {
    runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 60,
    env: ['DYNAMODB_TABLE', 'EMAIL_SENDER', 'EMAIL_SUBJECT', 'REGION', 'S3_BUCKET', 'JWT_SECRET', 'GOOGLE_OAUTH_CLIENT_ID'], layers: ['utils', 'pyjwt', 'google_api'], shared: true,
  },
  send_invoice_notification: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 3, env: ['SNS_TOPIC_ARN'], layers: [], shared: true },
  get_rental_invoice: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 10, memory: 128, env: ['INVOICES_TABLE', 'JWT_SECRET'], layers: ['pyjwt', 'utils'] },
  get_invoices: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 15, memory: 256, env: ['RENTAL_INVOICES_TABLE', 'RETAIL_INVOICES_TABLE', 'JWT_SECRET'], layers: ['pyjwt', 'utils'] },
  fetch_retail_invoices: {
    runtime: 'python3.12', handler: 'lambda_function.lambda_handler', timeout: 900, memory: 512,
    env: ['JWT_SECRET', 'S3_BUCKET', 'USERS_TABLE', 'VENDOR_CONFIG_TABLE', 'REGION', 'GOOGLE_OAUTH_CLIENT_ID'], layers: ['utils', 'pyjwt', 'google_api'],
  },
  parse_retail_invoice: {
    runtime: 'nodejs22.x', handler: 'index.handler', timeout: 60, memory: 256,
    env: ['RETAIL_INVOICES_TABLE', 'FOOD_DELIVERY_INVOICES_TABLE', 'CLOTHING_INVOICES_TABLE', 'TECHNOLOGY_INVOICES_TABLE', 'SUBSCRIPTION_INVOICES_TABLE', 'GROCERY_INVOICES_TABLE', 'MISC_UTILITY_INVOICES_TABLE', 'MISC_INVOICES_TABLE', 'TRAVEL_INVOICES_TABLE', 'RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE'],
    layers: [],
  },
  delete_retail_invoice: {
    runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 15, memory: 128,
    env: ['RETAIL_INVOICES_TABLE', 'BUCKET_NAME', 'JWT_SECRET', 'FOOD_DELIVERY_INVOICES_TABLE', 'CLOTHING_INVOICES_TABLE', 'TECHNOLOGY_INVOICES_TABLE', 'SUBSCRIPTION_INVOICES_TABLE', 'GROCERY_INVOICES_TABLE', 'MISC_UTILITY_INVOICES_TABLE', 'MISC_INVOICES_TABLE', 'TRAVEL_INVOICES_TABLE'],
    layers: ['pyjwt', 'utils'],
  },
  fetch_and_classify_retail_invoices: {
    runtime: 'python3.12', handler: 'lambda_function.lambda_handler', timeout: 900, memory: 512,
    env: ['S3_BUCKET', 'USERS_TABLE', 'REGION', 'GOOGLE_OAUTH_CLIENT_ID', 'GEMINI_API_KEY', 'JEV_API_KEY', 'RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE', 'NOUL_THRESHOLD', 'CHOICE_CONFIDENCE_THRESHOLD', 'MAX_SWEEP_PAGES', 'EXCLUDED_SENDER_EMAILS'],
    layers: ['utils', 'pyjwt', 'google_api', 'jev', 'google_genai'],
  },
  start_retail_invoice_backfill: { runtime: 'python3.12', handler: 'main.lambda_handler', timeout: 15, memory: 128, env: ['JWT_SECRET', 'STATE_MACHINE_ARN'], layers: ['pyjwt', 'utils'] },
};

const ZIP_FUNCTIONS = Object.keys(INVENTORY);
const SECRET_ENV: Record<string, string> = {
  JWT_SECRET: 'jwt_secret',
  GOOGLE_OAUTH_CLIENT_ID: 'google_oauth_client_id',
  GEMINI_API_KEY: 'gemini_api_key',
  JEV_API_KEY: 'jev_api_key',
};

interface LambdaJson {
  runtime?: string;
  handler?: string;
  timeout: number;
  memory_size?: number;
  layers?: string[];
  role: string;
  description?: string;
  s3_bucket?: string;
  s3_key?: string;
  s3_object_version?: string;
  environment: { variables: Record<string, string> };
}

describe('function catalog', () => {
  const { tf } = synthPayPulse();
  const fn = (name: string) => resource(tf, `aws_lambda_function.${name}`) as unknown as LambdaJson;

  it.each(ZIP_FUNCTIONS)('%s keeps its runtime, handler, timeout and memory', (name) => {
    const spec = INVENTORY[name];
    expect(fn(name)).toMatchObject({ runtime: spec.runtime, handler: spec.handler, timeout: spec.timeout });
    expect(fn(name).memory_size).toBe(spec.memory);
  });

  it.each(ZIP_FUNCTIONS)('%s has exactly the documented environment variable names', (name) => {
    expect(Object.keys(fn(name).environment.variables).sort()).toEqual([...INVENTORY[name].env].sort());
  });

  it.each(ZIP_FUNCTIONS)('%s has its documented layers, in order', (name) => {
    const expected = INVENTORY[name].layers.map((l) => `\${data.aws_lambda_layer_version.${l}_layer.arn}`);
    expect(fn(name).layers ?? []).toEqual(expected);
  });

  it.each(ZIP_FUNCTIONS)('%s runs under the shared role or its own', (name) => {
    const role = INVENTORY[name].shared ? 'Wallenstam-Lambda-Role' : DEFAULT_ROLE_NAMES[name];
    expect(role).toBeDefined();
    expect(fn(name).role).toBe(`arn:\${data.aws_partition.current.partition}:iam::\${data.aws_caller_identity.current.account_id}:role/${role}`);
  });

  it.each(ZIP_FUNCTIONS.filter((n) => n !== 'parse_retail_invoice'))('%s reads the current version of its externally built <fn>.zip', (name) => {
    expect(fn(name)).toMatchObject({
      s3_bucket: '${aws_s3_bucket.lambda_bucket.id}',
      s3_key: `${name}.zip`,
      s3_object_version: `\${data.aws_s3_object.${name}_zip.version_id}`,
    });
    expect(tf.data?.aws_s3_object?.[`${name}_zip`]).toEqual({ bucket: '${aws_s3_bucket.lambda_bucket.id}', key: `${name}.zip` });
  });

  it('gives parse_invoice 512 MB on purpose (peak RSS of the bundle on the largest stream its budgets admit is ~112 MB, too close to 128)', () => {
    expect(fn('parse_invoice').memory_size).toBe(512);
  });

  it('moves every function out of module.lambdas', () => {
    for (const name of [...ZIP_FUNCTIONS, 'parse_invoice']) {
      expect(tf.moved).toContainEqual({ from: `module.lambdas.aws_lambda_function.${name}`, to: `aws_lambda_function.${name}` });
    }
  });

  it('passes secrets only as sensitive variables, never as literals', () => {
    for (const name of ZIP_FUNCTIONS) {
      for (const [envName, value] of Object.entries(fn(name).environment.variables)) {
        if (SECRET_ENV[envName]) expect({ name, envName, value }).toEqual({ name, envName, value: `\${var.${SECRET_ENV[envName]}}` });
      }
    }
    for (const variable of Object.values(SECRET_ENV)) {
      expect(tf.variable[variable]).toMatchObject({ type: 'string', sensitive: true });
      expect(tf.variable[variable].default).toBeUndefined();
    }
  });

  it('fills configured values: tables, e-mail sender, topic and state machine ARNs, sweep thresholds', () => {
    expect(fn('fetch_invoices').environment.variables).toMatchObject({
      DYNAMODB_TABLE: 'RentalInvoices',
      EMAIL_SENDER: 'kundservice@wallenstam.se',
      EMAIL_SUBJECT: 'hyresavi',
      S3_BUCKET: '${var.invoices_bucket_name}',
    });
    expect(fn('send_invoice_notification').environment.variables.SNS_TOPIC_ARN).toBe(
      'arn:${data.aws_partition.current.partition}:sns:${var.aws_region}:${data.aws_caller_identity.current.account_id}:NewInvoiceNotificationTopic',
    );
    expect(fn('start_retail_invoice_backfill').environment.variables.STATE_MACHINE_ARN).toMatch(/:states:.*:stateMachine:retail-invoice-backfill$/);
    expect(fn('fetch_and_classify_retail_invoices').environment.variables).toMatchObject({
      NOUL_THRESHOLD: '0.5',
      CHOICE_CONFIDENCE_THRESHOLD: '0.6',
      MAX_SWEEP_PAGES: '10',
      EXCLUDED_SENDER_EMAILS: 'kundservice@wallenstam.se',
    });
    expect(fn('fetch_retail_invoices').environment.variables.VENDOR_CONFIG_TABLE).toBe('VendorConfig');
  });

  it('uses a layer-version ARN from config as is, and looks names up', () => {
    const arn = 'arn:aws:lambda:eu-west-1:770693421928:layer:Klayers-p312-bcrypt:7';
    const { tf: custom } = synthPayPulse({ layers: { bcrypt: arn } });
    const login = resource(custom, 'aws_lambda_function.login_user') as unknown as LambdaJson;
    expect(login.layers).toEqual([arn, '${data.aws_lambda_layer_version.pyjwt_layer.arn}', '${data.aws_lambda_layer_version.utils_layer.arn}']);
    expect(custom.data?.aws_lambda_layer_version?.bcrypt_layer).toBeUndefined();
    expect(custom.data?.aws_lambda_layer_version?.utils_layer).toEqual({ layer_name: 'utils-layer' });
  });

  it('takes bcrypt from the public Klayers layer of the region, latest python3.12 version, not from this account', () => {
    expect(tf.data?.aws_lambda_layer_version?.bcrypt_layer).toEqual({
      layer_name: 'arn:${data.aws_partition.current.partition}:lambda:${var.aws_region}:770693421928:layer:Klayers-p312-bcrypt',
      compatible_runtime: 'python3.12',
    });
  });

  it('keeps every deployed description verbatim (parse_retail_invoice no longer mentions Gemini, an intended change)', () => {
    expect(fn('login_user').description).toMatch(/^This function is triggered via the iOS app when an existing user logs in\./);
    expect(fn('get_invoices').description).toBe('This function retrieves all invoices (rental or retail) for a given user.');
    expect(fn('fetch_retail_invoices').description).toBeUndefined();
    expect(fn('fetch_and_classify_retail_invoices').description).toBeUndefined();
    expect(fn('parse_retail_invoice').description).not.toMatch(/Gemini/);
  });

  it('rejects a layer reference that is neither an ARN nor a name', () => {
    expect(() => synthPayPulse({ layers: { utils: 'arn:aws:lambda:nope' } })).toThrow(/layers.utils/);
  });
});
