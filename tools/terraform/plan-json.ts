/** The parts of `terraform show -json <plan>` the tools read. */
export interface ResourceChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly provider_name?: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: unknown;
    readonly after: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
      readonly importing?: { readonly id?: string; readonly identity?: unknown };
  };
  readonly action_reason?: string;
}

export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  readonly planned_values?: unknown;
  readonly prior_state?: unknown;
}

export function isPlanJson(value: unknown): value is PlanJson {
  return typeof value === 'object' && value !== null && typeof (value as PlanJson).format_version === 'string' && 'planned_values' in value;
}
