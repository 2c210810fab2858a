/**
 * What `hardened: true` changes in resources the existing deployment already has, with
 * the reason: the intended changes a hardened plan shows (in the shape of
 * parity-intended.json's entries). Everything else `hardened` does only adds resources
 * (parse_invoice's role and its policies). A test synthesizes both variants and checks
 * that this list is exactly what differs.
 */
export interface HardenedChange {
  readonly address: string;
  /** Top-level attributes that change. */
  readonly paths: readonly string[];
  readonly reason: string;
}

export const HARDENED_CHANGES: readonly HardenedChange[] = [
  {
    address: 'aws_s3_bucket_policy.lambda_bucket_policy',
    paths: ['policy'],
    reason:
      'the Lambda service may read the zips only for this account (aws:SourceAccount), so no other account can point a function at them; plain-HTTP requests are denied',
  },
  {
    address: 'aws_lambda_permission.allow_s3_invoke_parse_invoice',
    paths: ['source_account'],
    reason: 'S3 may invoke parse_invoice only from a bucket in this account; the provider replaces the permission to add it',
  },
  {
    address: 'aws_lambda_permission.allow_s3_invoke_parse_retail_invoice',
    paths: ['source_account'],
    reason: 'S3 may invoke parse_retail_invoice only from a bucket in this account; the provider replaces the permission to add it',
  },
  {
    address: 'aws_lambda_function.parse_invoice',
    paths: ['role'],
    reason:
      'parse_invoice leaves the shared Wallenstam-Lambda-Role for a least-privilege role of its own (aws_iam_role.parse_invoice_execution), which alone may send to the failure queue; login_user, fetch_invoices and the other shared-role functions get no new permission',
  },
];
