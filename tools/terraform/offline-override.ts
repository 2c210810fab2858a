/** Name of the override file written beside cdk.tf.json (or main.tf) in an offline copy. */
export const OFFLINE_OVERRIDE_FILE = 'zz_offline_override.tf.json';
/** The state file an offline copy plans against (a local backend, path relative to the copy). */
export const OFFLINE_STATE_FILE = 'terraform.tfstate';

/**
 * Terraform override that makes a configuration plan offline: a local backend on the
 * copied state, and an aws provider with fake static keys, no credential or account
 * lookups, path-style S3, and the services data sources read pointed at `endpoint`.
 */
export function offlineOverride(endpoint: string): Record<string, unknown> {
  return {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
    provider: {
      aws: [
        {
          access_key: 'offline-plan',
          secret_key: 'offline-plan',
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          skip_region_validation: true,
          s3_use_path_style: true,
          endpoints: [{ sts: endpoint, s3: endpoint, lambda: endpoint, ecr: endpoint }],
        },
      ],
    },
  };
}
