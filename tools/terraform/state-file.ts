import { readFileSync } from 'node:fs';
import { ToolInputError } from './errors';

/** The parts of a Terraform v4 state file the tools read. */
export interface StateInstance {
  readonly index_key?: string | number;
  readonly schema_version?: number;
  readonly attributes: Record<string, unknown>;
  readonly sensitive_attributes?: unknown[];
  readonly dependencies?: string[];
  readonly private?: string;
}

export interface StateResource {
  readonly module?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider: string;
  readonly instances: StateInstance[];
}

export interface TerraformState {
  readonly version: 4;
  readonly terraform_version: string;
  readonly serial: number;
  readonly lineage: string;
  readonly outputs: Record<string, unknown>;
  readonly resources: StateResource[];
  readonly check_results?: unknown;
}

/** Reads a v4 state file; throws `ToolInputError` for an unreadable file, bad JSON or another version. */
export function readStateFile(path: string): TerraformState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ToolInputError(`cannot read state ${path}: ${(cause as Error).message}`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ToolInputError(`state ${path} is not JSON`, { cause });
  }
  const state = parsed as Partial<TerraformState> | null;
  if (!state || typeof state !== 'object' || state.version !== 4 || !Array.isArray(state.resources)) {
    throw new ToolInputError(`state ${path} is not a Terraform v4 state (version ${JSON.stringify(state?.version)})`);
  }
  return state as TerraformState;
}

/** The address of a resource (without instance key), e.g. `module.lambdas.aws_lambda_function.login_user`. */
function resourceAddress(resource: Pick<StateResource, 'module' | 'mode' | 'type' | 'name'>): string {
  const local = `${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`;
  return resource.module ? `${resource.module}.${local}` : local;
}

/** Managed resource addresses, one per resource (instance keys are not used by these stacks). */
export function managedAddresses(state: TerraformState): string[] {
  return state.resources.filter((r) => r.mode === 'managed').map(resourceAddress);
}

/** Every string anywhere in the state's attributes (for deriving facts like the account id). */
export function* stateStrings(state: TerraformState): Generator<string> {
  const walk = function* (value: unknown): Generator<string> {
    if (typeof value === 'string') yield value;
    else if (Array.isArray(value)) for (const v of value) yield* walk(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* walk(v);
  };
  for (const r of state.resources) for (const i of r.instances) yield* walk(i.attributes);
}
