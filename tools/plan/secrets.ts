import { DEFAULT_CONFIG } from '../../stacks/config';
import { type EnvironmentContext, FUNCTION_CATALOG, SECRET_NAMES, type SecretName } from '../../stacks/function-catalog';
import type { TerraformState } from '../terraform/state-file';

/** Function environment variable names that carry each secret, read off the catalog. */
function secretEnvironmentNames(): Map<SecretName, Set<string>> {
  const marker = (name: SecretName) => `\0secret:${name}`;
  const context: EnvironmentContext = {
    region: DEFAULT_CONFIG.region,
    tables: DEFAULT_CONFIG.tables,
    invoicesBucketName: DEFAULT_CONFIG.invoicesBucketName,
    rentalInvoiceEmail: DEFAULT_CONFIG.rentalInvoiceEmail,
    rentalInvoiceEmailSubject: DEFAULT_CONFIG.rentalInvoiceEmailSubject,
    notificationTopicArn: '',
    backfillStateMachineArn: '',
    secrets: Object.fromEntries(SECRET_NAMES.map((n) => [n, marker(n)])) as Record<SecretName, string>,
  };
  const names = new Map<SecretName, Set<string>>(SECRET_NAMES.map((n) => [n, new Set<string>()]));
  for (const spec of FUNCTION_CATALOG) {
    for (const [envName, value] of Object.entries(spec.environment(context))) {
      const secret = SECRET_NAMES.find((n) => value === marker(n));
      if (secret) names.get(secret)?.add(envName);
    }
  }
  return names;
}

export interface PlanSecrets {
  /** TF_VAR_<name> for the terraform process. Values are never printed. */
  readonly env: Record<string, string>;
  /** Where each secret came from, for the progress output. */
  readonly sources: ReadonlyArray<{ readonly name: SecretName; readonly from: 'environment' | 'state' | 'placeholder' }>;
}

/** Stand-in for a secret nobody supplied; a plan then shows the secret changing, which is honest. */
const SECRET_PLACEHOLDER = 'offline-plan-placeholder';

/**
 * The sensitive variables (which have no default) for a plan: TF_VAR_<name> from the
 * environment when set; otherwise, offline, the value the planned state's functions
 * hold now, so the plan compares like with like; otherwise a placeholder.
 */
export function planSecrets(env: Readonly<Record<string, string | undefined>>, state: TerraformState | undefined): PlanSecrets {
  const fromState = new Map<string, string>();
  for (const r of state?.resources ?? []) {
    if (r.mode !== 'managed' || r.type !== 'aws_lambda_function') continue;
    for (const { attributes } of r.instances) {
      const variables = (attributes.environment as Array<{ variables?: Record<string, string> }> | undefined)?.[0]?.variables ?? {};
      for (const [k, v] of Object.entries(variables)) if (!fromState.has(k)) fromState.set(k, v);
    }
  }
  const out: Record<string, string> = {};
  const sources: Array<PlanSecrets['sources'][number]> = [];
  for (const [name, envNames] of secretEnvironmentNames()) {
    const key = `TF_VAR_${name}`;
    const given = env[key];
    const held = state ? [...envNames].map((n) => fromState.get(n)).find((v) => v !== undefined) : undefined;
    if (given !== undefined) {
      out[key] = given;
      sources.push({ name, from: 'environment' });
    } else if (held !== undefined) {
      out[key] = held;
      sources.push({ name, from: 'state' });
    } else {
      out[key] = SECRET_PLACEHOLDER;
      sources.push({ name, from: 'placeholder' });
    }
  }
  return { env: out, sources };
}
