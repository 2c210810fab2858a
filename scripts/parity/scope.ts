import { splitInterpolations } from './interpolation';
import type { Moves } from './moves';
import { type ConfigResource, type Configuration, type StateFile, type Val } from './model';
import { stateResourceFor } from './references';

/**
 * Which existing addresses belong to this stack. Managed addresses (after moves)
 * obviously do. Of the rest, an address is in scope, and so reported as `destroy`
 * when the stack no longer has it, when:
 *  - it is declared in an owned root file of the HCL (s3.tf: the stack reproduces it whole);
 *  - it matches an owned address pattern (for state-only runs, where files are unknown);
 *  - it hangs off one of the stack's buckets: an `aws_s3_*` resource whose `bucket` is one,
 *    or a Lambda permission whose `source_arn` is one (the S3 invoke permissions).
 * Everything else (tables, roles, the other functions of module.lambdas) is `not-in-stack`.
 */
export interface ScopeOptions {
  /** Root-relative HCL files whose resources are all owned. */
  readonly ownedFiles: readonly string[];
  /** Address patterns (`*` matches within a segment run) that are owned. */
  readonly ownedAddresses: readonly string[];
}

export const DEFAULT_OWNED_FILES = ['s3.tf'];

export class Scope {
  private readonly patterns: RegExp[];

  constructor(
    private readonly stack: Configuration,
    private readonly options: ScopeOptions,
  ) {
    this.patterns = options.ownedAddresses.map((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  }

  private stackBuckets(): ConfigResource[] {
    return [...this.stack.resources.values()].filter((r) => r.mode === 'managed' && r.type === 'aws_s3_bucket');
  }

  ownsAddress(...addresses: string[]): boolean {
    return addresses.some((a) => this.patterns.some((p) => p.test(a)));
  }

  /** An HCL resource the stack does not manage: in scope? */
  hclInScope(resource: ConfigResource): boolean {
    if (resource.file && this.options.ownedFiles.includes(resource.file)) return true;
    if (this.ownsAddress(resource.declaredAt, resource.address)) return true;
    const names = new Set(this.stackBuckets().flatMap((b) => [b.attributes.bucket].filter((v): v is string => typeof v === 'string')));
    const addresses = new Set(this.stackBuckets().map((b) => b.address));
    const refersToBucket = (value: Val | undefined) =>
      typeof value === 'string' &&
      (splitInterpolations(value).some((s) => 'expr' in s && addresses.has(s.expr.split('.').slice(0, 2).join('.'))) ||
        names.has(value) ||
        [...names].some((n) => value === `arn:aws:s3:::${n}`));
    return attachedVia(resource.type, resource.attributes).some(refersToBucket);
  }

  /** A state resource the stack does not manage: in scope? */
  stateInScope(address: string, type: string, attributes: Readonly<Record<string, Val>>, state: StateFile, moves: Moves): boolean {
    if (this.ownsAddress(address, moves.resolve(address))) return true;
    const values = new Set<string>();
    for (const bucket of this.stackBuckets()) {
      const found = stateResourceFor(state, moves, bucket.address);
      for (const v of [found?.attributes.id, found?.attributes.bucket, found?.attributes.arn, bucket.attributes.bucket]) {
        if (typeof v === 'string') values.add(v);
      }
    }
    return attachedVia(type, attributes).some((v) => typeof v === 'string' && values.has(v));
  }
}

/** The attributes through which a resource hangs off a bucket. */
function attachedVia(type: string, attributes: Readonly<Record<string, Val>>): Array<Val | undefined> {
  if (type === 'aws_lambda_permission') return [attributes.source_arn];
  if (type.startsWith('aws_s3_') && type !== 'aws_s3_bucket') return [attributes.bucket];
  return [];
}

