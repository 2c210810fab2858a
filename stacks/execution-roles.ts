import { Construct } from 'constructs';
import { INVOICES_PREFIX } from '../contract/keys';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { ExecutionRoleMode } from './config';
import type { EnvironmentContext, FunctionSpec } from './function-catalog';

export interface ExecutionRolesProps {
  readonly mode: ExecutionRoleMode;
  /** Explicit role ARN per function name, or `shared`. */
  readonly roleArns: Readonly<Record<string, string>>;
  /** Name of the shared role, used when `roleArns` has no entry. */
  readonly sharedRoleName: string;
  /** Role name of each function with its own role, used when `roleArns` has no entry. */
  readonly roleNames: Readonly<Record<string, string>>;
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  readonly invoicesBucketArn: string;
  readonly environment: EnvironmentContext;
  /**
   * S3-triggered functions on the shared role (parse_invoice) get a role of their own, as
   * in `managed` mode, so what they alone need is not granted to every shared-role function.
   * Changes the function's role, so it comes with `hardened`. @default false
   */
  readonly dedicatedRolesForSharedParsers?: boolean;
}

/** DynamoDB actions the parsers use: GetItem (retail reads the stored row to decide its outcome), PutItem, UpdateItem. */
export const PARSER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/**
 * Execution roles of the functions. `external`: ARNs from config (the roles live in
 * another stack). `managed`: each S3-triggered parser gets a least-privilege role
 * created here: its own log group, `s3:GetObject` on `invoices/*` (and ListBucket, so a
 * deleted object is a 404), and the DynamoDB actions it uses on the
 * tables its catalog entry lists. The other
 * functions keep their external roles, whose permissions this stack cannot know.
 */
export class ExecutionRoles extends Construct {
  private readonly managed = new Map<string, IamRole>();

  constructor(scope: Construct, id: string, private readonly props: ExecutionRolesProps) {
    super(scope, id);
  }

  /** The role's name, for attaching policies to it. */
  roleName(spec: FunctionSpec): string {
    if (this.usesManagedRole(spec)) return this.managedRole(spec).name;
    const explicit = this.explicitArn(spec);
    if (explicit) return explicit.slice(explicit.lastIndexOf('/') + 1);
    return this.defaultRoleName(spec);
  }

  roleArn(spec: FunctionSpec): string {
    if (this.usesManagedRole(spec)) return this.managedRole(spec).arn;
    const explicit = this.explicitArn(spec);
    if (explicit) return explicit;
    return `arn:${this.props.partition}:iam::${this.props.accountId}:role/${this.defaultRoleName(spec)}`;
  }

  /** The function runs on the shared role, whose other users this stack must not widen. */
  sharesRole(spec: FunctionSpec): boolean {
    return !this.usesManagedRole(spec) && spec.role === 'shared' && this.props.roleArns[spec.name] === undefined;
  }

  private usesManagedRole(spec: FunctionSpec): boolean {
    if (spec.trigger.type !== 's3') return false;
    if (this.props.mode === 'managed') return true;
    return this.props.dedicatedRolesForSharedParsers === true && spec.role === 'shared' && this.props.roleArns[spec.name] === undefined;
  }

  private explicitArn(spec: FunctionSpec): string | undefined {
    return this.props.roleArns[spec.name] ?? (spec.role === 'shared' ? this.props.roleArns.shared : undefined);
  }

  private defaultRoleName(spec: FunctionSpec): string {
    if (spec.role === 'shared') return this.props.sharedRoleName;
    const name = this.props.roleNames[spec.name];
    // Never guess a name from the function or resource name: a wrong one swaps the deployed role.
    if (!name) throw new Error(`No execution role for ${spec.name}: set roleNames.${spec.name} or roleArns.${spec.name} in the config`);
    return name;
  }

  private managedRole(spec: FunctionSpec): IamRole {
    const existing = this.managed.get(spec.name);
    if (existing) return existing;
    const { partition, accountId, region } = this.props;
    const address = `${spec.name}_execution`;
    const role = new IamRole(this, address, {
      name: address,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    role.overrideLogicalId(address);

    const logGroup = `arn:${partition}:logs:${region}:${accountId}:log-group:/aws/lambda/${spec.name}`;
    const tableArns = (spec.tables?.(this.props.environment) ?? []).map((table) => `arn:${partition}:dynamodb:${region}:${accountId}:table/${table}`);
    const policy = new IamRolePolicy(this, `${address}-policy`, {
      name: `${address}_policy`,
      role: role.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'CreateLogGroup', Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: logGroup },
          { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup}:*` },
          { Sid: 'ReadInvoices', Effect: 'Allow', Action: 's3:GetObject', Resource: `${this.props.invoicesBucketArn}/${INVOICES_PREFIX}*` },
          // Without ListBucket S3 answers 403, not 404, for a deleted object, and a 403 is retried as transient.
          { Sid: 'TellMissingObjects', Effect: 'Allow', Action: 's3:ListBucket', Resource: this.props.invoicesBucketArn },
          { Sid: 'WriteRecords', Effect: 'Allow', Action: [...PARSER_TABLE_ACTIONS], Resource: tableArns },
        ],
      }),
    });
    policy.overrideLogicalId(address);
    this.managed.set(spec.name, role);
    return role;
  }
}
