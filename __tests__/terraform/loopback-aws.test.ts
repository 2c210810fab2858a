import { awsFactsFromState, stableVersionId } from '../../tools/terraform/aws-facts';
import { type LoopbackAws, startLoopbackAws } from '../../tools/terraform/loopback-aws';
import type { TerraformState } from '../../tools/terraform/state-file';

const KLAYERS = 'arn:aws:lambda:eu-north-1:770693421928:layer:Klayers-p312-bcrypt';
const STATE: TerraformState = {
  version: 4,
  terraform_version: '1.11.4',
  serial: 1,
  lineage: 'x',
  outputs: {},
  resources: [
    {
      module: 'module.lambdas',
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'login_user',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          attributes: {
            arn: 'arn:aws:lambda:eu-north-1:210987654321:function:login_user',
            layers: [`${KLAYERS}:9`, `${KLAYERS}:11`, 'arn:aws:lambda:eu-north-1:210987654321:layer:utils-layer:4'],
            s3_bucket: 'code-bucket',
            s3_key: 'login_user.zip',
            s3_object_version: 'v-from-state',
          },
        },
      ],
    },
    {
      mode: 'managed',
      type: 'aws_lambda_function',
      name: 'parse_invoice',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ attributes: { image_uri: '210987654321.dkr.ecr.eu-north-1.amazonaws.com/wallenstam/invoice-parser:20250929T164954' } }],
    },
  ],
};

describe('loopback AWS endpoints for offline plans', () => {
  let aws: LoopbackAws;
  beforeAll(async () => {
    aws = await startLoopbackAws(awsFactsFromState(STATE));
  });
  afterAll(() => aws.close());

  it('takes account and region from the state, never from the Klayers publisher', () => {
    expect(awsFactsFromState(STATE)).toMatchObject({ accountId: '210987654321', region: 'eu-north-1', partition: 'aws' });
  });

  it('answers STS GetCallerIdentity with the state’s account', async () => {
    const res = await fetch(aws.endpoint, { method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(await res.text()).toContain('<Account>210987654321</Account>');
  });

  it('answers S3 HeadObject with the version the state’s function runs, and a stable one for unknown keys', async () => {
    const known = await fetch(`${aws.endpoint}/code-bucket/login_user.zip`, { method: 'HEAD' });
    expect(known.headers.get('x-amz-version-id')).toBe('v-from-state');
    const unknown = await fetch(`${aws.endpoint}/code-bucket/other.zip`, { method: 'HEAD' });
    expect(unknown.headers.get('x-amz-version-id')).toBe(stableVersionId('code-bucket', 'other.zip'));
    const tagging = await fetch(`${aws.endpoint}/code-bucket/login_user.zip?tagging`);
    expect(await tagging.text()).toContain('<TagSet>');
  });

  it('answers ListLayerVersions for a layer ARN newest first, with numeric versions, and GetLayerVersion', async () => {
    const list = (await (await fetch(`${aws.endpoint}/2018-10-31/layers/${encodeURIComponent(KLAYERS)}/versions?CompatibleRuntime=python3.12`)).json()) as {
      LayerVersions: Array<{ LayerVersionArn: string; Version: number }>;
    };
    expect(list.LayerVersions.map((v) => v.Version)).toEqual([11, 9]);
    const one = (await (await fetch(`${aws.endpoint}/2018-10-31/layers/utils-layer/versions/4`)).json()) as { LayerVersionArn: string };
    expect(one.LayerVersionArn).toBe('arn:aws:lambda:eu-north-1:210987654321:layer:utils-layer:4');
  });

  it('answers ECR reads: the image by tag, the repository for the import, no policies', async () => {
    const ecr = (op: string, body: unknown) =>
      fetch(aws.endpoint, { method: 'POST', headers: { 'X-Amz-Target': `AmazonEC2ContainerRegistry_V20150921.${op}` }, body: JSON.stringify(body) });
    const images = (await (await ecr('DescribeImages', { repositoryName: 'wallenstam/invoice-parser', imageIds: [{ imageTag: '20250929T164954' }] })).json()) as {
      imageDetails: Array<{ imageDigest: string }>;
    };
    expect(images.imageDetails[0].imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const repos = (await (await ecr('DescribeRepositories', { repositoryNames: ['wallenstam/invoice-parser'] })).json()) as { repositories: Array<{ repositoryUri: string }> };
    expect(repos.repositories[0].repositoryUri).toBe('210987654321.dkr.ecr.eu-north-1.amazonaws.com/wallenstam/invoice-parser');
    expect((await ecr('GetLifecyclePolicy', { repositoryName: 'x' })).status).toBe(400);
  });

  it('refuses calls it cannot answer, and records them', async () => {
    const res = await fetch(`${aws.endpoint}/2015-03-31/functions`, { method: 'POST' });
    expect(res.status).toBe(501);
    expect(aws.unanswered).toContain('POST /2015-03-31/functions');
  });
});
