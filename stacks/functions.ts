import { Construct } from 'constructs';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import type { EnvironmentContext, FunctionSpec } from './function-catalog';
import type { ZipArtifact } from './lambda-artifacts';

/** The module the existing configuration kept the functions in; `moved` blocks lead out of it. */
export const LEGACY_MODULE = 'module.lambdas';

export interface FunctionsProps {
  readonly specs: readonly FunctionSpec[];
  readonly environment: EnvironmentContext;
  /** The zip artifact of a zip-deployed function. */
  readonly zipArtifact: (spec: FunctionSpec) => ZipArtifact;
  /** The image URI of an image-deployed function. */
  readonly imageUri: (spec: FunctionSpec) => string;
  readonly roleArn: (spec: FunctionSpec) => string;
  /** Layer version ARNs of a function. */
  readonly layerArns: (spec: FunctionSpec) => string[];
  /** ARN of the bucket whose uploads trigger the S3-triggered functions. */
  readonly invoicesBucketArn: string;
  /**
   * Also pin S3 invoke permissions to this account (`source_account`), so a bucket of
   * the same name in another account cannot invoke the functions. Replaces the
   * existing permissions, hence opt-in.
   */
  readonly sourceAccount?: string;
}

/**
 * Turns the function catalog into `aws_lambda_function.<name>` resources and, for
 * S3-triggered ones, `aws_lambda_permission.allow_s3_invoke_<name>`, each with a
 * `moved` block from its old address inside `module.lambdas`.
 */
export class Functions extends Construct {
  readonly functions = new Map<string, LambdaFunction>();
  readonly s3Permissions = new Map<string, LambdaPermission>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const spec of props.specs) {
      const fn = this.createFunction(spec, props);
      this.functions.set(spec.name, fn);
      if (spec.trigger.type === 's3') this.s3Permissions.set(spec.name, this.allowS3Invoke(spec, fn, props));
    }
  }

  private createFunction(spec: FunctionSpec, props: FunctionsProps): LambdaFunction {
    const code =
      spec.code.type === 'image'
        ? { packageType: 'Image', imageUri: props.imageUri(spec) }
        : { runtime: spec.code.runtime, handler: spec.code.handler, ...props.zipArtifact(spec) };
    const layers = props.layerArns(spec);
    const fn = new LambdaFunction(this, spec.name, {
      functionName: spec.name,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      role: props.roleArn(spec),
      timeout: spec.timeout,
      ...(spec.memorySize !== undefined ? { memorySize: spec.memorySize } : {}),
      ...code,
      ...(layers.length ? { layers } : {}),
      environment: { variables: { ...spec.environment(props.environment) } },
      ...(spec.jsonLogs ? { loggingConfig: { logFormat: 'JSON' } } : {}),
    });
    fn.overrideLogicalId(spec.name);
    fn.moveFromId(`${LEGACY_MODULE}.aws_lambda_function.${spec.name}`);
    return fn;
  }

  private allowS3Invoke(spec: FunctionSpec, fn: LambdaFunction, props: FunctionsProps): LambdaPermission {
    const address = `allow_s3_invoke_${spec.name}`;
    const permission = new LambdaPermission(this, address, {
      statementId: 'AllowS3Invoke',
      action: 'lambda:InvokeFunction',
      functionName: fn.functionName,
      principal: 's3.amazonaws.com',
      sourceArn: props.invoicesBucketArn,
      ...(props.sourceAccount ? { sourceAccount: props.sourceAccount } : {}),
    });
    permission.overrideLogicalId(address);
    permission.moveFromId(`${LEGACY_MODULE}.aws_lambda_permission.${address}`);
    return permission;
  }
}
