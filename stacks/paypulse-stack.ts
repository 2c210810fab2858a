import { Construct } from 'constructs';
import { INVOICES_PREFIX } from '../contract/keys';
import { LocalBackend, S3Backend, TerraformStack, TerraformVariable } from 'cdktf';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { BundleSource } from './bundles';
import type { BackendConfig, PayPulseConfig } from './config';
import { ExecutionRoles } from './execution-roles';
import { alarmOnDroppedEvents, alarmOnFailedEvents } from './failure-alarm';
import { FailureHandling } from './failure-handling';
import { FUNCTION_CATALOG, S3_TRIGGERED, SECRET_NAMES, type EnvironmentContext, type FunctionSpec, type SecretName } from './function-catalog';
import { Functions } from './functions';
import { InvoiceStorage } from './invoice-storage';
import { LambdaArtifacts, type ZipArtifact } from './lambda-artifacts';
import { LambdaLayers } from './lambda-layers';
import { ParserImage } from './parser-image';

/** The version constraint of the existing configuration's `required_providers`. */
export const AWS_PROVIDER_CONSTRAINT = '~> 5.0';

type VariableName = 'aws_region' | 'invoices_bucket_name' | 'path_to_invoices' | 'lambda_functions_bucket_name';

/**
 * The PayPulse storage and deployment plane: s3.tf's nine resources, the function
 * catalog with its artifacts, parse_invoice's image, and the S3 upload routing,
 * with the existing HCL addresses and variables.
 */
export class PayPulseStack extends TerraformStack {
  readonly variables: Readonly<Record<VariableName, TerraformVariable>>;
  readonly invoiceStorage: InvoiceStorage;
  readonly lambdaArtifacts: LambdaArtifacts;
  readonly parserImage: ParserImage;
  readonly functions: Functions;
  readonly failureHandling: FailureHandling;
  readonly failureAlarm: CloudwatchMetricAlarm;

  /**
   * @param bundles the built handler zips (tools/build/cli.ts); needed for managed
   *   zip artifacts and the image build
   */
  constructor(scope: Construct, id: string, config: PayPulseConfig, bundles: BundleSource) {
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
    const accountId = identity.accountId;
    const arn = (service: string, resource: string) => `arn:${partition.partition}:${service}:${region}:${accountId}:${resource}`;

    this.invoiceStorage = new InvoiceStorage(this, 'invoice-storage', {
      bucketName: this.variables.invoices_bucket_name.stringValue,
      pathToInvoices: this.variables.path_to_invoices.stringValue,
    });
    this.lambdaArtifacts = new LambdaArtifacts(this, 'lambda-artifacts', {
      bucketName: this.variables.lambda_functions_bucket_name.stringValue,
      accountId,
      hardenedPolicy: config.hardened || config.hardenedLambdaBucketPolicy,
      noncurrentVersions: { kept: config.lambdaZipNoncurrentVersionsKept, days: config.lambdaZipNoncurrentDays },
    });
    this.parserImage = new ParserImage(this, 'parser-image', {
      repositoryName: config.parserImageRepository,
      accountId,
      region,
      image: config.parserImage,
      importExistingRepository: config.importParserImageRepository,
      tagMutability: config.parserImageTagMutability,
      bundle: config.parserImage.mode === 'build' ? bundles('parse_invoice') : undefined,
    });

    const environment: EnvironmentContext = {
      region,
      tables: config.tables,
      invoicesBucketName: this.variables.invoices_bucket_name.stringValue,
      rentalInvoiceEmail: config.rentalInvoiceEmail,
      rentalInvoiceEmailSubject: config.rentalInvoiceEmailSubject,
      notificationTopicArn: arn('sns', config.notificationTopicName),
      backfillStateMachineArn: arn('states', `stateMachine:${config.backfillStateMachineName}`),
      secrets: this.declareSecrets(),
    };
    const roles = new ExecutionRoles(this, 'execution-roles', {
      mode: config.executionRoles,
      roleArns: config.roleArns,
      sharedRoleName: config.sharedRoleName,
      roleNames: config.roleNames,
      partition: partition.partition,
      accountId,
      region,
      invoicesBucketArn: this.invoiceStorage.bucket.arn,
      environment,
      dedicatedRolesForSharedParsers: config.hardened,
    });
    const layers = new LambdaLayers(this, 'layers', { refs: config.layers, partition: partition.partition, region });
    const zipArtifact = (spec: FunctionSpec): ZipArtifact =>
      spec.code.type === 'zip' && spec.code.source === 'handlers' && config.zipArtifacts === 'managed'
        ? this.lambdaArtifacts.managedZip(spec.name, bundles(spec.name))
        : this.lambdaArtifacts.externalZip(spec.name);

    this.functions = new Functions(this, 'functions', {
      specs: FUNCTION_CATALOG,
      environment,
      zipArtifact,
      imageUri: () => this.parserImage.imageUri,
      roleArn: (spec) => roles.roleArn(spec),
      layerArns: (spec) => layers.arns(spec.layers),
      invoicesBucketArn: this.invoiceStorage.bucket.arn,
      sourceAccount: config.hardened ? accountId : undefined,
    });

    this.failureHandling = new FailureHandling(this, 'failure-handling', {
      functions: S3_TRIGGERED.map((spec) => ({
        name: spec.name,
        functionName: this.functions.functions.get(spec.name)!.functionName,
        roleName: roles.sharesRole(spec) ? undefined : roles.roleName(spec),
      })),
    });
    this.failureAlarm = alarmOnFailedEvents(this, 'failure-alarm', this.failureHandling.queue, 'parse_failures', {
      topicArn: config.failureAlarmTopicArn,
    });
    for (const fn of this.failureHandling.withoutDestination) {
      alarmOnDroppedEvents(this, `${fn.name}-dropped-events`, fn.functionName, `${fn.name}_dropped_events`, { topicArn: config.failureAlarmTopicArn });
    }

    this.invoiceStorage.routeUploads(
      S3_TRIGGERED.map((spec) => ({
        functionArn: this.functions.functions.get(spec.name)!.arn,
        prefix: INVOICES_PREFIX,
        suffix: spec.trigger.suffix,
      })),
      [...this.functions.s3Permissions.values()],
    );
  }

  private declareVariables(config: PayPulseConfig): PayPulseStack['variables'] {
    const variable = (name: VariableName, defaultValue: string, description: string) => {
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

  /** Secrets are sensitive variables with no default: supply them with TF_VAR_<name> or a tfvars file. */
  private declareSecrets(): Record<SecretName, string> {
    const secrets = {} as Record<SecretName, string>;
    for (const name of SECRET_NAMES) {
      const v = new TerraformVariable(this, name, { type: 'string', sensitive: true, description: `${name} for the functions that read it (sensitive)` });
      v.overrideLogicalId(name);
      secrets[name] = v.stringValue;
    }
    return secrets;
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
