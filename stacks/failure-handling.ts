import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';

export interface FailureHandlingProps {
  /**
   * The asynchronously invoked functions: name and execution role name. A function without
   * `roleName` runs on a role shared with unrelated functions: it gets retries but no
   * failure destination, since granting `sqs:SendMessage` would grant it to all of them.
   */
  readonly functions: ReadonlyArray<{ readonly name: string; readonly functionName: string; readonly roleName?: string }>;
  /** Retries after the first attempt (Lambda allows 0-2). @default 2 */
  readonly maximumRetryAttempts?: number;
  /** @default 21600 (6 hours) */
  readonly maximumEventAgeSeconds?: number;
}

/** 14 days: the longest SQS keeps a message, so a failed invoice waits as long as possible for a replay. */
const RETENTION_SECONDS = 14 * 24 * 3600;

/**
 * What happens to an S3 event whose handler throws (a transient failure: DynamoDB or
 * S3 unavailable). Lambda retries the asynchronous invocation, then sends the event
 * to the encrypted `parse_failures` queue, from where it can be replayed: no invoice
 * is lost. Permanent failures (a bad document) return an error envelope instead and
 * are not retried. All of this is new, so it adds resources and changes none. A
 * function on the shared role (parse_invoice unless `hardened`) gets the retries only.
 */
export class FailureHandling extends Construct {
  readonly queue: SqsQueue;
  /** Functions retried but without a failure destination: their dropped events need an alarm of their own. */
  readonly withoutDestination: ReadonlyArray<{ readonly name: string; readonly functionName: string }>;

  constructor(scope: Construct, id: string, props: FailureHandlingProps) {
    super(scope, id);
    this.queue = new SqsQueue(this, 'queue', {
      name: 'paypulse-parse-failures',
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: RETENTION_SECONDS,
    });
    this.queue.overrideLogicalId('parse_failures');
    this.withoutDestination = props.functions.filter((fn) => fn.roleName === undefined).map(({ name, functionName }) => ({ name, functionName }));

    for (const fn of props.functions) {
      const sendFailures = fn.roleName === undefined ? undefined : this.grantSend(fn.name, fn.roleName);
      const invokeConfig = new LambdaFunctionEventInvokeConfig(this, `${fn.name}-invoke-config`, {
        functionName: fn.functionName,
        maximumRetryAttempts: props.maximumRetryAttempts ?? 2,
        maximumEventAgeInSeconds: props.maximumEventAgeSeconds ?? 21600,
        ...(sendFailures
          ? {
              destinationConfig: { onFailure: { destination: this.queue.arn } },
              // Lambda checks the role can send to the destination when the config is created.
              dependsOn: [sendFailures],
            }
          : {}),
      });
      invokeConfig.overrideLogicalId(fn.name);
    }
  }

  private grantSend(name: string, roleName: string): IamRolePolicy {
    const sendFailures = new IamRolePolicy(this, `${name}-failure-destination`, {
      name: `${name}_failure_destination`,
      role: roleName,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'SendFailedEvents', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: this.queue.arn }],
      }),
    });
    sendFailures.overrideLogicalId(`${name}_failure_destination`);
    return sendFailures;
  }
}
