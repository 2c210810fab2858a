/** s3.tf's nine resources, as the reference lists them: their addresses are an API and must never change. */
export { S3_TF_ADDRESSES } from '../../tools/migrate/split-state';
