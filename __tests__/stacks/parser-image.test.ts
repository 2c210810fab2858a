import { DOCKER_CONTEXT, DOCKERFILE } from '../../stacks/parser-image';
import { fakeBundles, resource, synthPayPulse } from '../support/synth';

describe('parse_invoice image', () => {
  describe('repository', () => {
    const { tf } = synthPayPulse();

    it('scans on push and keeps the last 10 images', () => {
      expect(resource(tf, 'aws_ecr_repository.invoice_parser')).toEqual({
        name: 'wallenstam/invoice-parser',
        image_tag_mutability: 'MUTABLE',
        image_scanning_configuration: { scan_on_push: true },
      });
      const lifecycle = resource(tf, 'aws_ecr_lifecycle_policy.invoice_parser');
      expect(lifecycle.repository).toBe('${aws_ecr_repository.invoice_parser.name}');
      expect(JSON.parse(lifecycle.policy as string)).toEqual({
        rules: [
          {
            rulePriority: 1,
            description: 'Keep the last 10 images',
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 },
            action: { type: 'expire' },
          },
        ],
      });
    });

    it('imports the hand-made repository instead of creating it', () => {
      expect(tf.import).toEqual([{ id: 'wallenstam/invoice-parser', to: 'aws_ecr_repository.invoice_parser' }]);
    });

    it('creates it in a fresh account when the import is switched off', () => {
      const fresh = synthPayPulse({ importParserImageRepository: false });
      expect(fresh.tf.import).toBeUndefined();
      expect(resource(fresh.tf, 'aws_ecr_repository.invoice_parser').name).toBe('wallenstam/invoice-parser');
    });

    it('can make tags immutable', () => {
      const strict = synthPayPulse({ parserImageTagMutability: 'IMMUTABLE' });
      expect(resource(strict.tf, 'aws_ecr_repository.invoice_parser').image_tag_mutability).toBe('IMMUTABLE');
    });
  });

  describe('build mode (default)', () => {
    const { tf } = synthPayPulse();
    const bundle = fakeBundles('parse_invoice');

    it('builds docker/parse-invoice/Dockerfile from the repo root with the legacy builder (no attestations)', () => {
      const image = resource(tf, 'docker_image.invoice_parser');
      expect(image.build).toEqual({ context: DOCKER_CONTEXT, dockerfile: DOCKERFILE, platform: 'linux/amd64' });
      expect((image.build as Record<string, unknown>).builder).toBeUndefined();
      expect(image.name).toBe(`\${aws_ecr_repository.invoice_parser.repository_url}:bundle-${bundle.sha256.slice(0, 16)}`);
      expect(image.triggers).toEqual({ bundle_sha256: bundle.sha256 });
    });

    it('pushes it to ECR with credentials from an ECR authorization token', () => {
      expect(resource(tf, 'docker_registry_image.invoice_parser')).toEqual({
        name: '${docker_image.invoice_parser.name}',
        keep_remotely: true,
        triggers: { image_id: '${docker_image.invoice_parser.image_id}' },
      });
      expect(tf.provider.docker).toEqual([
        {
          registry_auth: [
            {
              address: '${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.aws_region}.amazonaws.com',
              username: '${data.aws_ecr_authorization_token.invoice_parser.user_name}',
              password: '${data.aws_ecr_authorization_token.invoice_parser.password}',
            },
          ],
        },
      ]);
    });

    it('pins the function to the pushed digest, not a tag', () => {
      expect(resource(tf, 'aws_lambda_function.parse_invoice').image_uri).toBe(
        '${aws_ecr_repository.invoice_parser.repository_url}@${docker_registry_image.invoice_parser.sha256_digest}',
      );
    });
  });

  describe('pinned mode (no Docker on the deploy machine)', () => {
    const { tf } = synthPayPulse({ parserImage: { mode: 'pinned', tag: '20250929T164954' } });

    it('resolves the configured tag to its digest with data "aws_ecr_image"', () => {
      expect(tf.data?.aws_ecr_image?.invoice_parser).toEqual({
        repository_name: '${aws_ecr_repository.invoice_parser.name}',
        image_tag: '20250929T164954',
      });
      expect(resource(tf, 'aws_lambda_function.parse_invoice').image_uri).toBe(
        '${aws_ecr_repository.invoice_parser.repository_url}@${data.aws_ecr_image.invoice_parser.image_digest}',
      );
    });

    it('needs neither Docker nor the bundle', () => {
      expect(tf.resource.docker_image).toBeUndefined();
      expect(tf.resource.docker_registry_image).toBeUndefined();
      expect(tf.provider.docker).toBeUndefined();
    });
  });

  it('rejects a pinned mode without a valid tag', () => {
    expect(() => synthPayPulse({ parserImage: { mode: 'pinned', tag: '' } })).toThrow(/parserImage.tag/);
  });
});
