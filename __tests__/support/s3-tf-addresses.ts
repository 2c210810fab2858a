/** s3.tf's nine resources, as the reference lists them: their addresses are an API and must never change. */
export const S3_TF_ADDRESSES = [
  'aws_s3_bucket.rental_invoices',
  'aws_s3_bucket_versioning.rental_invoices',
  'aws_s3_bucket_server_side_encryption_configuration.rental_invoices',
  'aws_s3_bucket_public_access_block.rental_invoices',
  'aws_s3_object.invoices_path',
  'aws_s3_bucket.lambda_bucket',
  'aws_s3_bucket_versioning.lambda_bucket_versioning',
  'aws_s3_bucket_policy.lambda_bucket_policy',
  'aws_s3_bucket_notification.invoice_upload_trigger',
] as const;
