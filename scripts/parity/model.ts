/**
 * The normalized form both sides are brought into before comparing.
 *
 * A `Val` is plain JSON. References and anything that cannot be evaluated offline
 * stay inside strings as canonical `${...}` interpolations: a reference is spelled
 * by its target address (after `moved` blocks) and attribute, so two spellings of
 * the same reference compare equal as strings.
 */
export type Val = null | boolean | number | string | Val[] | { [key: string]: Val };

export type ResourceMode = 'managed' | 'data';

export interface ConfigResource {
  /** Address after `moved` blocks, e.g. `aws_lambda_function.parse_invoice`. */
  readonly address: string;
  /** Address where it is declared, e.g. `module.lambdas.aws_lambda_function.parse_invoice`. */
  readonly declaredAt: string;
  readonly mode: ResourceMode;
  readonly type: string;
  readonly attributes: Readonly<Record<string, Val>>;
  /** `lifecycle.ignore_changes` attribute paths. */
  readonly ignoreChanges: readonly string[];
  /** The file it is declared in, relative to the HCL root (HCL only). */
  readonly file?: string;
}

export interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

export interface Configuration {
  /** Keyed by `address` (after moves). */
  readonly resources: ReadonlyMap<string, ConfigResource>;
  readonly moved: readonly MovedBlock[];
  readonly imports: readonly ImportBlock[];
  /** Things the loader could not follow (non-local modules, ...), for the report. */
  readonly notes: readonly string[];
}

export interface StateResource {
  /** Address as recorded in the state, with the instance key if any. */
  readonly address: string;
  readonly mode: ResourceMode;
  readonly type: string;
  readonly attributes: Readonly<Record<string, Val>>;
}

export interface StateFile {
  readonly resources: ReadonlyMap<string, StateResource>;
  readonly terraformVersion?: string;
}

export type Status = 'same' | 'changed' | 'create' | 'destroy' | 'moved' | 'import' | 'not-in-stack';

export interface AttributeDiff {
  readonly path: string;
  readonly old: Val | undefined;
  readonly new: Val | undefined;
  /** Set when a `parity-intended.json` entry covers this path. */
  intended?: boolean;
}

export interface Row {
  readonly address: string;
  readonly status: Status;
  /** What the stack is compared against. */
  readonly against: 'hcl' | 'state';
  /** Data sources are compared for information only. */
  readonly kind: 'resource' | 'data';
  /** The old address of a moved resource. */
  readonly from?: string;
  readonly diffs: AttributeDiff[];
  intended?: boolean;
  reason?: string;
}

export function isObject(value: unknown): value is { [key: string]: Val } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a string contains an interpolation, i.e. something not known offline. */
export function hasInterpolation(value: string): boolean {
  return value.includes('${');
}
