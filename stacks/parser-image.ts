import { Construct } from 'constructs';
import { DataAwsEcrAuthorizationToken } from '@cdktf/provider-aws/lib/data-aws-ecr-authorization-token';
import { DataAwsEcrImage } from '@cdktf/provider-aws/lib/data-aws-ecr-image';
import { EcrLifecyclePolicy } from '@cdktf/provider-aws/lib/ecr-lifecycle-policy';
import { EcrRepository } from '@cdktf/provider-aws/lib/ecr-repository';
import { Image } from '@cdktf/provider-docker/lib/image';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { RegistryImage } from '@cdktf/provider-docker/lib/registry-image';
import type { BuiltZip } from './bundles';
import type { ParserImageConfig } from './config';

export interface ParserImageProps {
  /** e.g. `wallenstam/invoice-parser` */
  readonly repositoryName: string;
  readonly accountId: string;
  readonly region: string;
  readonly image: ParserImageConfig;
  /** Import the existing repository instead of creating it. @default true */
  readonly importExistingRepository?: boolean;
  /** @default 'MUTABLE' */
  readonly tagMutability?: 'MUTABLE' | 'IMMUTABLE';
  /** The parse_invoice bundle the image is built from (build mode). */
  readonly bundle?: BuiltZip;
  /** Images kept by the lifecycle policy. @default 10 */
  readonly keepImages?: number;
}

/** Docker build context and Dockerfile, relative to the synthesized stack directory (cdktf.out/stacks/<stack>). */
export const DOCKER_CONTEXT = '${path.module}/../../..';
export const DOCKERFILE = 'docker/parse-invoice/Dockerfile';

/**
 * parse_invoice's ECR repository and image. The function is always pinned to an
 * image digest, so a new image updates it and a retag changes nothing.
 *
 * - `build`: `cdktf deploy` builds docker/parse-invoice/Dockerfile and pushes it with
 *   the Docker provider. The legacy builder is used (no buildx `builder`), which
 *   writes a single-platform image manifest with no provenance or SBOM attestations:
 *   Lambda rejects OCI indexes.
 * - `pinned`: for deploy machines without Docker; a tag already in ECR, resolved to
 *   its digest by `data "aws_ecr_image"`.
 */
export class ParserImage extends Construct {
  readonly repository: EcrRepository;
  /** `<repository_url>@sha256:...` for the function's `image_uri`. */
  readonly imageUri: string;

  constructor(scope: Construct, id: string, props: ParserImageProps) {
    super(scope, id);

    this.repository = new EcrRepository(this, 'repository', {
      name: props.repositoryName,
      imageTagMutability: props.tagMutability ?? 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
    });
    this.repository.overrideLogicalId('invoice_parser');
    if (props.importExistingRepository ?? true) this.repository.importFrom(props.repositoryName);

    const keep = props.keepImages ?? 10;
    const lifecycle = new EcrLifecyclePolicy(this, 'lifecycle', {
      repository: this.repository.name,
      policy: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: `Keep the last ${keep} images`,
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: keep },
            action: { type: 'expire' },
          },
        ],
      }),
    });
    lifecycle.overrideLogicalId('invoice_parser');

    this.imageUri =
      props.image.mode === 'pinned'
        ? `${this.repository.repositoryUrl}@${this.pinnedDigest(props.image.tag)}`
        : `${this.repository.repositoryUrl}@${this.buildAndPush(props)}`;
  }

  private pinnedDigest(tag: string): string {
    const image = new DataAwsEcrImage(this, 'pinned', { repositoryName: this.repository.name, imageTag: tag });
    image.overrideLogicalId('invoice_parser');
    return image.imageDigest;
  }

  private buildAndPush(props: ParserImageProps): string {
    if (!props.bundle) throw new Error('ParserImage: build mode needs the parse_invoice bundle (run `npm run build:handlers`)');
    const registry = `${props.accountId}.dkr.ecr.${props.region}.amazonaws.com`;
    const token = new DataAwsEcrAuthorizationToken(this, 'token', { registryId: props.accountId });
    token.overrideLogicalId('invoice_parser');
    new DockerProvider(this, 'docker', {
      registryAuth: [{ address: registry, username: token.userName, password: token.password }],
    });

    // Content-addressed tag: the same bundle gives the same image name, so nothing is rebuilt or pushed.
    const tag = `bundle-${props.bundle.sha256.slice(0, 16)}`;
    const image = new Image(this, 'image', {
      name: `${this.repository.repositoryUrl}:${tag}`,
      buildAttribute: { context: DOCKER_CONTEXT, dockerfile: DOCKERFILE, platform: 'linux/amd64' },
      platform: 'linux/amd64',
      triggers: { bundle_sha256: props.bundle.sha256 },
      keepLocally: true,
    });
    image.overrideLogicalId('invoice_parser');
    const pushed = new RegistryImage(this, 'pushed', {
      name: image.name,
      keepRemotely: true,
      triggers: { image_id: image.imageId },
    });
    pushed.overrideLogicalId('invoice_parser');
    return pushed.sha256Digest;
  }
}
