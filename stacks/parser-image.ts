import { Construct } from 'constructs';
import type { ParserImageConfig } from './config';

export interface ParserImageProps {
  /** e.g. `wallenstam/invoice-parser` */
  readonly repositoryName: string;
  readonly accountId: string;
  readonly region: string;
  readonly image: ParserImageConfig;
}

/**
 * The container image of parse_invoice. In `tag` mode the function points at a
 * hand-set tag in the existing ECR repository, exactly as the existing configuration.
 */
export class ParserImage extends Construct {
  /** The `image_uri` for the function. */
  readonly imageUri: string;

  constructor(scope: Construct, id: string, props: ParserImageProps) {
    super(scope, id);
    const registry = `${props.accountId}.dkr.ecr.${props.region}.amazonaws.com`;
    this.imageUri = `${registry}/${props.repositoryName}:${props.image.tag}`;
  }
}
