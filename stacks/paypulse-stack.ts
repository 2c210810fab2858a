import { Construct } from 'constructs';
import { LocalBackend, S3Backend, TerraformStack, TerraformVariable } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { BackendConfig, PayPulseConfig } from './config';
import { ExecutionRoles } from './execution-roles';
import { PARSE_FUNCTIONS, UPLOAD_PREFIX, type EnvironmentContext } from './function-catalog';
import { Functions } from './functions';
import { InvoiceStorage } from './invoice-storage';
import { LambdaArtifacts } from './lambda-artifacts';
import { ParserImage } from './parser-image';

/** The version constraint of the existing configuration's `required_providers`. */
export const AWS_PROVIDER_CONSTRAINT = '~> 5.0';

/**
 * The PayPulse storage and deployment plane: s3.tf's nine resources, the S3-triggered
 * functions and their permissions, with the existing HCL addresses and variables.
 */
export class PayPulseStack extends TerraformStack {
  readonly variables: Readonly<Record<'aws_region' | 'invoices_bucket_name' | 'path_to_invoices' | 'lambda_functions_bucket_name', TerraformVariable>>;
  readonly invoiceStorage: InvoiceStorage;
  readonly lambdaArtifacts: LambdaArtifacts;
  readonly functions: Functions;

  constructor(scope: Construct, id: string, config: PayPulseConfig) {
    super(scope, id);
    this.variables = this.declareVariables(config);
    const region = this.variables.aws_region.stringValue;

    new AwsProvider(this, 'aws', { region });
    this.addOverride('terraform.required_providers.aws', { source: 'hashicorp/aws', version: AWS_PROVIDER_CONSTRAINT });
    this.configureBackend(config.backend);

    const identity = new DataAwsCallerIdentity(this, 'current');
    identity.overrideLogicalId('current');
    const partition = new DataAwsPartition(this, 'partition');
    partition.overrideLogicalId('current');

    this.invoiceStorage = new InvoiceStorage(this, 'invoice-storage', {
      bucketName: this.variables.invoices_bucket_name.stringValue,
      pathToInvoices: this.variables.path_to_invoices.stringValue,
    });
    this.lambdaArtifacts = new LambdaArtifacts(this, 'lambda-artifacts', {
      bucketName: this.variables.lambda_functions_bucket_name.stringValue,
      accountId: identity.accountId,
      hardenedPolicy: config.hardenedLambdaBucketPolicy,
    });
    const image = new ParserImage(this, 'parser-image', {
      repositoryName: config.parserImageRepository,
      accountId: identity.accountId,
      region,
      image: config.parserImage,
    });

    const environment: EnvironmentContext = { region, tables: config.tables };
    const roles = new ExecutionRoles(this, 'execution-roles', {
      mode: config.executionRoles,
      roleArns: config.roleArns,
      defaultRoleNames: config.defaultRoleNames,
      partition: partition.partition,
      accountId: identity.accountId,
      region,
      invoicesBucketArn: this.invoiceStorage.bucket.arn,
      environment,
    });
    this.functions = new Functions(this, 'functions', {
      specs: PARSE_FUNCTIONS,
      environment,
      zipArtifact: (spec) => this.lambdaArtifacts.externalZip(spec.name),
      imageUri: () => image.imageUri,
      roleArn: (spec) => roles.roleArn(spec),
      invoicesBucketArn: this.invoiceStorage.bucket.arn,
    });

    this.invoiceStorage.routeUploads(
      PARSE_FUNCTIONS.filter((spec) => spec.trigger.type === 's3').map((spec) => ({
        functionArn: this.functions.functions.get(spec.name)!.arn,
        prefix: UPLOAD_PREFIX,
        suffix: spec.trigger.suffix,
      })),
      [...this.functions.s3Permissions.values()],
    );
  }

  private declareVariables(config: PayPulseConfig): PayPulseStack['variables'] {
    const variable = (name: string, defaultValue: string, description: string) => {
      const v = new TerraformVariable(this, name, { type: 'string', default: defaultValue, description });
      v.overrideLogicalId(name);
      return v;
    };
    return {
      aws_region: variable('aws_region', config.region, 'AWS region for this infrastructure'),
      invoices_bucket_name: variable('invoices_bucket_name', config.invoicesBucketName, 'The S3 bucket which stores all types of invoices'),
      path_to_invoices: variable('path_to_invoices', config.pathToInvoices, 'The path to the rental invoices on the S3 bucket'),
      lambda_functions_bucket_name: variable(
        'lambda_functions_bucket_name',
        config.lambdaFunctionsBucketName,
        'The S3 bucket which contains zipped files of the lambda functions',
      ),
    };
  }

  private configureBackend(backend: BackendConfig): void {
    if (backend.type === 's3') {
      new S3Backend(this, {
        bucket: backend.bucket,
        key: backend.key,
        region: backend.region,
        encrypt: backend.encrypt,
        ...(backend.dynamodbTable ? { dynamodbTable: backend.dynamodbTable } : {}),
      });
    } else {
      new LocalBackend(this, { path: backend.path });
    }
  }
}
