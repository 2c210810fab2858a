import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification';
import type { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import type { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import type { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import type { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3Object } from '@cdktf/provider-aws/lib/s3-object';
import { blockPublicAccess, enableVersioning, encryptWithAes256 } from './bucket-guards';
import { requireTls } from './tls-only-policy';

export interface InvoiceStorageProps {
  /** The bucket name (the `invoices_bucket_name` variable). */
  readonly bucketName: string;
  /** Key of the empty placeholder "folder" object (the `path_to_invoices` variable). */
  readonly pathToInvoices: string;
}

/** One S3 ObjectCreated route from the invoices bucket to a function. */
export interface UploadRoute {
  readonly functionArn: string;
  /** Literal key prefix, as in s3.tf. */
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * The `rental_invoices` bucket family of s3.tf: the bucket, versioning, AES-256
 * default encryption, all public access blocked, the invoices_path placeholder,
 * and the upload notification; plus a TLS-only bucket policy. Every resource keeps its HCL address.
 */
export class InvoiceStorage extends Construct {
  readonly bucket: S3Bucket;
  readonly versioning: S3BucketVersioningA;
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  readonly invoicesPath: S3Object;
  /** Not in s3.tf, which gives this bucket no policy: added (never changed) to deny plain HTTP. */
  readonly tlsOnlyPolicy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: InvoiceStorageProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, 'bucket', { bucket: props.bucketName });
    this.bucket.overrideLogicalId('rental_invoices');

    this.versioning = enableVersioning(this, 'versioning', this.bucket, 'rental_invoices');
    this.encryption = encryptWithAes256(this, 'encryption', this.bucket, 'rental_invoices');
    this.publicAccessBlock = blockPublicAccess(this, 'public-access-block', this.bucket, 'rental_invoices');
    this.tlsOnlyPolicy = requireTls(this, 'tls-only-policy', this.bucket, 'rental_invoices');

    this.invoicesPath = new S3Object(this, 'invoices-path', {
      bucket: this.bucket.id,
      key: props.pathToInvoices,
      content: '',
    });
    this.invoicesPath.overrideLogicalId('invoices_path');
  }

  /**
   * The `invoice_upload_trigger` notification. `dependsOn` must hold the functions'
   * S3 invoke permissions: S3 validates the destinations when the notification is put.
   */
  routeUploads(routes: readonly UploadRoute[], dependsOn: ITerraformDependable[]): S3BucketNotification {
    const notification = new S3BucketNotification(this, 'upload-trigger', {
      bucket: this.bucket.id,
      lambdaFunction: routes.map((route) => ({
        lambdaFunctionArn: route.functionArn,
        events: ['s3:ObjectCreated:*'],
        filterPrefix: route.prefix,
        filterSuffix: route.suffix,
      })),
      dependsOn,
    });
    notification.overrideLogicalId('invoice_upload_trigger');
    return notification;
  }
}
