import { ConfigError, DEFAULT_CONFIG, configFromEnv, resolveConfig } from '../../stacks/config';

describe('resolveConfig', () => {
  it('defaults to the existing variables’ defaults', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      region: 'eu-west-1',
      invoicesBucketName: 'rental-invoices-bucket',
      pathToInvoices: 'invoices/',
      lambdaFunctionsBucketName: 'wallenstam-lambda-bucket',
      hardenedLambdaBucketPolicy: false,
      backend: { type: 'local' },
    });
  });

  it('merges nested overrides without dropping the other defaults', () => {
    const config = resolveConfig({ tables: { retailDetails: { travel: 'Trips' } } });
    expect(config.tables.retailDetails.travel).toBe('Trips');
    expect(config.tables.retailDetails.grocery).toBe('GroceryInvoices');
    expect(config.tables.rentalInvoices).toBe('RentalInvoices');
  });

  it('collects every violation into one error that names each property', () => {
    let error: unknown;
    try {
      resolveConfig({
        invoicesBucketName: 'Bad_Bucket',
        region: 'mars-1',
        backend: { type: 's3', bucket: '', key: '', region: 'eu-west-1', encrypt: true },
        roleArns: { parse_invoice: 'not-an-arn' },
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/invoicesBucketName 'Bad_Bucket'/);
    expect(message).toMatch(/region 'mars-1'/);
    expect(message).toMatch(/backend.bucket/);
    expect(message).toMatch(/backend.key is required/);
    expect(message).toMatch(/roleArns.parse_invoice/);
    expect((error as ConfigError).violations).toHaveLength(5);
  });

  it('defaults role names to the deployed ones (the shared role is the `lambda_role` variable, not a resource name)', () => {
    expect(DEFAULT_CONFIG.sharedRoleName).toBe('Wallenstam-Lambda-Role');
    expect(DEFAULT_CONFIG.roleNames).toMatchObject({
      signup_user: 'Signup-Lambda-Role',
      parse_retail_invoice: 'parse_retail_invoice_lambda_role',
      fetch_and_classify_retail_invoices: 'Fetch-And-Classify-Retail-Invoices_Lambda_Role',
    });
    expect(resolveConfig({ roleNames: { signup_user: 'Other' } }).roleNames).toMatchObject({ signup_user: 'Other', get_invoices: 'get_invoices_lambda_role' });
    expect(() => resolveConfig({ roleNames: { signup_user: 'has space' } })).toThrow(/roleNames.signup_user 'has space' is not an IAM role name/);
  });

  it('takes bcrypt from Klayers by default, and accepts a pinned layer version ARN instead', () => {
    expect(DEFAULT_CONFIG.layers.bcrypt).toBe('klayers:bcrypt');
    expect(() => resolveConfig({ layers: { bcrypt: 'arn:aws:lambda:eu-west-1:770693421928:layer:Klayers-p312-bcrypt:7' } })).not.toThrow();
    expect(() => resolveConfig({ layers: { bcrypt: 'klayers:' } })).toThrow(/layers.bcrypt/);
  });

  it('rejects an unknown backend type', () => {
    expect(() => resolveConfig(configFromEnv({ PAYPULSE_BACKEND: 'gcs' }))).toThrow(/backend.type must be 'local' or 's3'/);
  });
});

describe('configFromEnv', () => {
  it('selects the S3 backend and its settings', () => {
    const config = resolveConfig(
      configFromEnv({
        PAYPULSE_BACKEND: 's3',
        PAYPULSE_STATE_BUCKET: 'acme-tf-state',
        PAYPULSE_STATE_KEY: 'paypulse.tfstate',
        PAYPULSE_STATE_LOCK_TABLE: 'locks',
      }),
    );
    expect(config.backend).toEqual({
      type: 's3',
      bucket: 'acme-tf-state',
      key: 'paypulse.tfstate',
      region: 'eu-west-1',
      dynamodbTable: 'locks',
      encrypt: true,
    });
  });

  it('reads flags and names', () => {
    const config = resolveConfig(
      configFromEnv({
        PAYPULSE_HARDENED_LAMBDA_BUCKET_POLICY: 'true',
        PAYPULSE_EXECUTION_ROLES: 'managed',
        PAYPULSE_INVOICES_BUCKET: 'acme-invoices',
        PAYPULSE_PARSER_IMAGE_TAG: '20251001T000000',
      }),
    );
    expect(config).toMatchObject({
      hardenedLambdaBucketPolicy: true,
      executionRoles: 'managed',
      invoicesBucketName: 'acme-invoices',
      parserImage: { mode: 'pinned', tag: '20251001T000000' },
    });
  });

  it('ignores unset variables', () => {
    expect(configFromEnv({})).toEqual({});
  });

  it('rejects an unknown PAYPULSE_* variable, listing the valid ones', () => {
    expect(() => configFromEnv({ PAYPULSE_HARDEND: 'true' })).toThrow(/unknown environment variable PAYPULSE_HARDEND; valid: PAYPULSE_REGION, .*PAYPULSE_HARDENED/);
  });

  it('rejects a malformed flag, listing the accepted words', () => {
    expect(() => configFromEnv({ PAYPULSE_HARDENED: 'ture' })).toThrow(/PAYPULSE_HARDENED must be one of .*true, false.*got 'ture'/);
  });

  it('leaves the tools’ own PAYPULSE_* variables alone', () => {
    expect(configFromEnv({ PAYPULSE_SKIP_REAL_PLAN: '1', PAYPULSE_FAILURE_ALARM_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:ops' })).toEqual({
      failureAlarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops',
    });
  });
});
