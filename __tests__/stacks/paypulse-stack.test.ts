import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3_TF_ADDRESSES } from '../support/s3-tf-addresses';
import { addresses, resource, synthPayPulse } from '../support/synth';


/** Every documented function, at the root now; each was in module.lambdas. */
const FUNCTION_NAMES = [
  'delete_retail_invoice', 'delete_user', 'fetch_and_classify_retail_invoices', 'fetch_invoices', 'fetch_latest_invoice',
  'fetch_retail_invoices', 'get_invoices', 'get_rental_invoice', 'get_user_profile', 'gmail_store_tokens', 'login_user',
  'parse_invoice', 'parse_retail_invoice', 'send_invoice_notification', 'signup_user', 'start_retail_invoice_backfill',
];
const PYTHON_FUNCTIONS = FUNCTION_NAMES.filter((fn) => fn !== 'parse_invoice' && fn !== 'parse_retail_invoice');

const MOVED_ADDRESSES = [
  ...FUNCTION_NAMES.map((fn) => `aws_lambda_function.${fn}`),
  'aws_lambda_permission.allow_s3_invoke_parse_invoice',
  'aws_lambda_permission.allow_s3_invoke_parse_retail_invoice',
];

/** Added by this stack (plain additions, never changes): artifact, image pipeline, hardening, failure handling. */
const NEW_ADDRESSES = [
  'aws_s3_object.parse_retail_invoice_zip',
  'aws_s3_bucket_server_side_encryption_configuration.lambda_bucket',
  'aws_s3_bucket_public_access_block.lambda_bucket',
  'aws_sqs_queue.parse_failures',
  'aws_lambda_function_event_invoke_config.parse_invoice',
  'aws_lambda_function_event_invoke_config.parse_retail_invoice',
  'aws_iam_role_policy.parse_retail_invoice_failure_destination',
  'aws_cloudwatch_metric_alarm.parse_failures',
  'aws_cloudwatch_metric_alarm.parse_invoice_dropped_events',
  'aws_s3_bucket_policy.rental_invoices',
  'aws_s3_bucket_lifecycle_configuration.lambda_bucket',
  'aws_ecr_repository.invoice_parser',
  'aws_ecr_lifecycle_policy.invoice_parser',
  'docker_image.invoice_parser',
  'docker_registry_image.invoice_parser',
];

const DATA_ADDRESSES = [
  'data.aws_caller_identity.current',
  'data.aws_partition.current',
  'data.aws_ecr_authorization_token.invoice_parser',
  ...['bcrypt', 'google_api', 'google_genai', 'jev', 'pyjwt', 'utils'].map((l) => `data.aws_lambda_layer_version.${l}_layer`),
  ...PYTHON_FUNCTIONS.map((fn) => `data.aws_s3_object.${fn}_zip`),
];

describe('PayPulse stack (defaults)', () => {
  const { tf, json } = synthPayPulse();

  it('matches the snapshot (a backstop; the properties are asserted below)', () => {
    expect(tf).toMatchSnapshot();
  });

  it('has exactly the expected addresses, so a rename or an extra resource fails', () => {
    expect(addresses(tf)).toEqual([...S3_TF_ADDRESSES, ...MOVED_ADDRESSES, ...NEW_ADDRESSES, ...DATA_ADDRESSES].sort());
  });

  it('gives no resource or data source a generated, hash-suffixed name', () => {
    for (const address of addresses(tf)) {
      const name = address.split('.').pop()!;
      expect({ address, ok: /^[a-z][a-z0-9_]*$/.test(name) && !/_[0-9A-Fa-f]{8}$/.test(name) }).toEqual({ address, ok: true });
    }
  });

  it('declares the existing variables with their names, types, descriptions and defaults', () => {
    const { jwt_secret, google_oauth_client_id, gemini_api_key, jev_api_key, ...existing } = tf.variable;
    expect([jwt_secret, google_oauth_client_id, gemini_api_key, jev_api_key].every((v) => v?.sensitive === true)).toBe(true);
    expect(existing).toEqual({
      aws_region: { type: 'string', default: 'eu-west-1', description: 'AWS region for this infrastructure' },
      invoices_bucket_name: {
        type: 'string',
        default: 'rental-invoices-bucket',
        description: 'The S3 bucket which stores all types of invoices',
      },
      path_to_invoices: {
        type: 'string',
        default: 'invoices/',
        description: 'The path to the rental invoices on the S3 bucket',
      },
      lambda_functions_bucket_name: {
        type: 'string',
        default: 'wallenstam-lambda-bucket',
        description: 'The S3 bucket which contains zipped files of the lambda functions',
      },
    });
  });

  it('configures the AWS provider from var.aws_region with the existing ~> 5.0 constraint', () => {
    expect(tf.provider.aws).toEqual([{ region: '${var.aws_region}' }]);
    expect(tf.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: '~> 5.0' });
    expect(tf.terraform.required_providers.docker?.source).toBe('kreuzwerker/docker');
  });

  it('uses a local backend by default', () => {
    expect(tf.terraform.backend).toEqual({ local: { path: 'terraform.paypulse.tfstate' } });
  });

  describe('rental_invoices bucket family', () => {
    it('names the bucket from var.invoices_bucket_name', () => {
      expect(resource(tf, 'aws_s3_bucket.rental_invoices')).toEqual({ bucket: '${var.invoices_bucket_name}' });
      expect(json).toHaveResourceWithProperties(S3Bucket, { bucket: '${var.invoices_bucket_name}' });
    });

    it('enables versioning', () => {
      expect(resource(tf, 'aws_s3_bucket_versioning.rental_invoices')).toEqual({
        bucket: '${aws_s3_bucket.rental_invoices.id}',
        versioning_configuration: { status: 'Enabled' },
      });
    });

    it('encrypts with AES256 by default', () => {
      expect(resource(tf, 'aws_s3_bucket_server_side_encryption_configuration.rental_invoices')).toEqual({
        bucket: '${aws_s3_bucket.rental_invoices.id}',
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
      });
    });

    it('blocks every form of public access', () => {
      expect(resource(tf, 'aws_s3_bucket_public_access_block.rental_invoices')).toEqual({
        bucket: '${aws_s3_bucket.rental_invoices.id}',
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
      expect(json).toHaveResourceWithProperties(S3BucketPublicAccessBlock, { block_public_policy: true });
    });

    it('keeps the empty invoices_path placeholder object at var.path_to_invoices', () => {
      expect(resource(tf, 'aws_s3_object.invoices_path')).toEqual({
        bucket: '${aws_s3_bucket.rental_invoices.id}',
        key: '${var.path_to_invoices}',
        content: '',
      });
    });
  });

  describe('invoice_upload_trigger', () => {
    const notification = resource(tf, 'aws_s3_bucket_notification.invoice_upload_trigger');

    it('routes .pdf to parse_invoice and .html to parse_retail_invoice under the literal invoices/ prefix', () => {
      expect(notification.bucket).toBe('${aws_s3_bucket.rental_invoices.id}');
      expect(notification.lambda_function).toEqual([
        {
          events: ['s3:ObjectCreated:*'],
          filter_prefix: 'invoices/',
          filter_suffix: '.pdf',
          lambda_function_arn: '${aws_lambda_function.parse_invoice.arn}',
        },
        {
          events: ['s3:ObjectCreated:*'],
          filter_prefix: 'invoices/',
          filter_suffix: '.html',
          lambda_function_arn: '${aws_lambda_function.parse_retail_invoice.arn}',
        },
      ]);
    });

    it('waits for the invoke permissions, as depends_on = [module.lambdas] did', () => {
      expect(notification.depends_on).toEqual([
        'aws_lambda_permission.allow_s3_invoke_parse_invoice',
        'aws_lambda_permission.allow_s3_invoke_parse_retail_invoice',
      ]);
    });
  });

  describe('lambda bucket family', () => {
    it('names the bucket from var.lambda_functions_bucket_name and enables versioning', () => {
      expect(resource(tf, 'aws_s3_bucket.lambda_bucket')).toEqual({ bucket: '${var.lambda_functions_bucket_name}' });
      expect(resource(tf, 'aws_s3_bucket_versioning.lambda_bucket_versioning')).toEqual({
        bucket: '${aws_s3_bucket.lambda_bucket.id}',
        versioning_configuration: { status: 'Enabled' },
      });
    });

    it('has a policy semantically identical to the original: one Allow of s3:GetObject for the Lambda service', () => {
      const policy = resource(tf, 'aws_s3_bucket_policy.lambda_bucket_policy');
      expect(policy.bucket).toBe('${aws_s3_bucket.lambda_bucket.id}');
      expect(JSON.parse(policy.policy as string)).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: '${aws_s3_bucket.lambda_bucket.arn}/*',
          },
        ],
      });
    });
  });

  describe('S3-triggered functions', () => {
    it('runs parse_invoice from its ECR image, pinned to the pushed digest', () => {
      expect(resource(tf, 'aws_lambda_function.parse_invoice')).toEqual({
        function_name: 'parse_invoice',
        package_type: 'Image',
        image_uri: '${aws_ecr_repository.invoice_parser.repository_url}@${docker_registry_image.invoice_parser.sha256_digest}',
        description:
          'This function is triggered whenever a new rental invoice PDF is uploaded to the S3 bucket. It parses the function and inserts the rental invoice details into the DynamoDB table.',
        role: 'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/Wallenstam-Lambda-Role',
        timeout: 60,
        memory_size: 512,
        environment: { variables: { DYNAMODB_TABLE: 'RentalInvoices', REGION: '${var.aws_region}' } },
      });
    });

    it('runs parse_retail_invoice on Node.js 22 from the version of the zip this stack uploads', () => {
      expect(resource(tf, 'aws_lambda_function.parse_retail_invoice')).toMatchObject({
        function_name: 'parse_retail_invoice',
        runtime: 'nodejs22.x',
        handler: 'index.handler',
        s3_bucket: '${aws_s3_bucket.lambda_bucket.id}',
        s3_key: 'parse_retail_invoice.zip',
        s3_object_version: '${aws_s3_object.parse_retail_invoice_zip.version_id}',
        timeout: 60,
        memory_size: 256,
        logging_config: { log_format: 'JSON' },
      });
      expect(resource(tf, 'aws_lambda_function.parse_retail_invoice').layers).toBeUndefined();
    });

    it('passes parse_retail_invoice every table it writes to', () => {
      const env = (resource(tf, 'aws_lambda_function.parse_retail_invoice').environment as { variables: Record<string, string> }).variables;
      expect(env).toEqual({
        RETAIL_INVOICES_TABLE: 'RetailInvoices',
        FOOD_DELIVERY_INVOICES_TABLE: 'FoodDeliveryInvoices',
        CLOTHING_INVOICES_TABLE: 'ClothingInvoices',
        TECHNOLOGY_INVOICES_TABLE: 'TechnologyInvoices',
        SUBSCRIPTION_INVOICES_TABLE: 'SubscriptionInvoices',
        GROCERY_INVOICES_TABLE: 'GroceryInvoices',
        MISC_UTILITY_INVOICES_TABLE: 'MiscellaneousUtilityInvoices',
        MISC_INVOICES_TABLE: 'MiscellaneousInvoices',
        TRAVEL_INVOICES_TABLE: 'TravelInvoices',
        RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE: 'RetailEmailClassificationLedger',
      });
    });

    it.each(['parse_invoice', 'parse_retail_invoice'])('lets S3 invoke %s from the invoices bucket only', (fn) => {
      expect(resource(tf, `aws_lambda_permission.allow_s3_invoke_${fn}`)).toEqual({
        statement_id: 'AllowS3Invoke',
        action: 'lambda:InvokeFunction',
        function_name: `\${aws_lambda_function.${fn}.function_name}`,
        principal: 's3.amazonaws.com',
        source_arn: '${aws_s3_bucket.rental_invoices.arn}',
      });
    });

    it('moves every function and S3 permission out of module.lambdas', () => {
      expect(tf.moved).toEqual(
        expect.arrayContaining(MOVED_ADDRESSES.map((to) => ({ from: `module.lambdas.${to}`, to }))),
      );
      expect(tf.moved).toHaveLength(MOVED_ADDRESSES.length);
    });
  });
});

describe('PayPulse stack variants', () => {
  it('points at an existing state in S3, with a lock table', () => {
    const { tf } = synthPayPulse({
      backend: { type: 's3', bucket: 'paypulse-tf-state', key: 'prod/terraform.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks', encrypt: true },
    });
    expect(tf.terraform.backend).toEqual({
      s3: { bucket: 'paypulse-tf-state', key: 'prod/terraform.tfstate', region: 'eu-west-1', dynamodb_table: 'tf-locks', encrypt: true },
    });
  });

  it('omits the lock table when none is configured', () => {
    const { tf } = synthPayPulse({ backend: { type: 's3', bucket: 'paypulse-tf-state', key: 'k', region: 'eu-north-1', encrypt: true } });
    expect(tf.terraform.backend).toEqual({ s3: { bucket: 'paypulse-tf-state', key: 'k', region: 'eu-north-1', encrypt: true } });
  });

  it('hardens the lambda bucket policy only when asked: SourceAccount condition and TLS-only access', () => {
    const { tf } = synthPayPulse({ hardenedLambdaBucketPolicy: true });
    const policy = JSON.parse(resource(tf, 'aws_s3_bucket_policy.lambda_bucket_policy').policy as string);
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: '${aws_s3_bucket.lambda_bucket.arn}/*',
        Condition: { StringEquals: { 'aws:SourceAccount': '${data.aws_caller_identity.current.account_id}' } },
      },
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['${aws_s3_bucket.lambda_bucket.arn}', '${aws_s3_bucket.lambda_bucket.arn}/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });

  it('takes role ARNs from config: per function, or for every function on the shared role', () => {
    const own = 'arn:aws:iam::111122223333:role/paypulse-parse-invoice';
    const shared = 'arn:aws:iam::111122223333:role/paypulse-shared';
    const { tf } = synthPayPulse({ roleArns: { parse_invoice: own, shared } });
    expect(resource(tf, 'aws_lambda_function.parse_invoice').role).toBe(own);
    expect(resource(tf, 'aws_lambda_function.login_user').role).toBe(shared);
    expect(resource(tf, 'aws_lambda_function.signup_user').role).toBe(
      'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/Signup-Lambda-Role',
    );
  });

  it('takes role names from config, with the deployed names as defaults', () => {
    const { tf } = synthPayPulse({ sharedRoleName: 'Shared-Role', roleNames: { signup_user: 'Other-Signup-Role' } });
    expect(resource(tf, 'aws_lambda_function.login_user').role).toMatch(/:role\/Shared-Role$/);
    expect(resource(tf, 'aws_lambda_function.signup_user').role).toMatch(/:role\/Other-Signup-Role$/);
    expect(resource(tf, 'aws_lambda_function.get_user_profile').role).toMatch(/:role\/get_user_profile_lambda_role$/);
  });

  describe('managed execution roles', () => {
    const { tf } = synthPayPulse({ executionRoles: 'managed' });

    it('creates one role per parse function and wires it', () => {
      for (const fn of ['parse_invoice', 'parse_retail_invoice']) {
        expect(resource(tf, `aws_lambda_function.${fn}`).role).toBe(`\${aws_iam_role.${fn}_execution.arn}`);
        expect(JSON.parse(resource(tf, `aws_iam_role.${fn}_execution`).assume_role_policy as string)).toEqual({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        });
      }
    });

    it('grants only logs, s3:GetObject on invoices/* (ListBucket for 404s) and its DynamoDB actions on the function’s own tables', () => {
      const policy = JSON.parse(resource(tf, 'aws_iam_role_policy.parse_invoice_execution').policy as string);
      const logGroup =
        'arn:${data.aws_partition.current.partition}:logs:${var.aws_region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/lambda/parse_invoice';
      expect(policy.Statement).toEqual([
        { Sid: 'CreateLogGroup', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: logGroup },
        { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup}:*` },
        { Sid: 'ReadInvoices', Effect: 'Allow', Action: 's3:GetObject', Resource: '${aws_s3_bucket.rental_invoices.arn}/invoices/*' },
        { Sid: 'TellMissingObjects', Effect: 'Allow', Action: 's3:ListBucket', Resource: '${aws_s3_bucket.rental_invoices.arn}' },
        {
          Sid: 'WriteRecords',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
          Resource: [
            'arn:${data.aws_partition.current.partition}:dynamodb:${var.aws_region}:${data.aws_caller_identity.current.account_id}:table/RentalInvoices',
          ],
        },
      ]);
      const retail = JSON.parse(resource(tf, 'aws_iam_role_policy.parse_retail_invoice_execution').policy as string);
      const tables = retail.Statement.find((s: { Sid: string }) => s.Sid === 'WriteRecords').Resource as string[];
      expect(tables.map((arn) => arn.split('table/')[1]).sort()).toEqual(
        [
          'ClothingInvoices', 'FoodDeliveryInvoices', 'GroceryInvoices', 'MiscellaneousInvoices', 'MiscellaneousUtilityInvoices',
          'RetailEmailClassificationLedger', 'RetailInvoices', 'SubscriptionInvoices', 'TechnologyInvoices', 'TravelInvoices',
        ].sort(),
      );
    });

    it('still gives no resource a generated name', () => {
      for (const address of addresses(tf)) expect(address).not.toMatch(/_[0-9A-Fa-f]{8}$/);
    });
  });

  it('uses variable defaults from config, so `-var` still overrides them at plan time', () => {
    const { tf } = synthPayPulse({ region: 'eu-north-1', invoicesBucketName: 'acme-invoices', pathToInvoices: 'rental-invoices/' });
    expect(tf.variable.aws_region.default).toBe('eu-north-1');
    expect(tf.variable.invoices_bucket_name.default).toBe('acme-invoices');
    expect(tf.variable.path_to_invoices.default).toBe('rental-invoices/');
  });
});
