import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AwsFacts, stableDigest, stableVersionId } from './aws-facts';

/**
 * A loopback server answering the AWS reads the stack's data sources (and its ECR
 * import) make during an offline plan: STS GetCallerIdentity; S3 HeadObject, GetObject
 * and GetObjectTagging (path style); Lambda ListLayerVersions and GetLayerVersion; ECR
 * DescribeImages, DescribeRepositories, ListTagsForResource, GetLifecyclePolicy and
 * GetRepositoryPolicy. Answers come from `AwsFacts`, i.e. from the state being planned.
 * Any other call gets a 501 naming it, so a new data source fails loudly.
 */
export interface LoopbackAws {
  readonly endpoint: string;
  /** Requests the server could not answer, e.g. `POST / AmazonEC2ContainerRegistry_V20150921.PutImage`. */
  readonly unanswered: readonly string[];
  close(): Promise<void>;
}

const CREATED = '2024-11-02T09:15:03.000+0000';
const CREATED_EPOCH = 1730538903;
const LAYERS_PATH = /^\/2018-10-31\/layers\/([^/]+)\/versions(?:\/(\d+))?$/;

export async function startLoopbackAws(facts: AwsFacts): Promise<LoopbackAws> {
  const unanswered: string[] = [];
  const server = createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      try {
        route(facts, req, Buffer.concat(body).toString('utf8'), res, unanswered);
      } catch (err) {
        send(res, 500, 'application/json', JSON.stringify({ message: (err as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    unanswered,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function route(facts: AwsFacts, req: IncomingMessage, body: string, res: ServerResponse, unanswered: string[]): void {
  const url = new URL(req.url ?? '/', 'http://loopback');
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return ecr(facts, target.split('.').pop() ?? '', JSON.parse(body || '{}') as Record<string, unknown>, res, unanswered);
  if (req.method === 'POST' && url.pathname === '/' && new URLSearchParams(body).get('Action') === 'GetCallerIdentity') return sts(facts, res);
  const layers = LAYERS_PATH.exec(url.pathname);
  if (layers && req.method === 'GET') return lambdaLayers(facts, decodeURIComponent(layers[1]), layers[2], res);
  const [, bucket, ...keyParts] = url.pathname.split('/');
  if (bucket && keyParts.length && (req.method === 'HEAD' || req.method === 'GET')) {
    return s3Object(facts, bucket, decodeURIComponent(keyParts.join('/')), url.searchParams.has('tagging'), req.method === 'HEAD', res);
  }
  unanswered.push(`${req.method} ${url.pathname}`);
  send(res, 501, 'application/json', JSON.stringify({ message: `offline AWS endpoint does not answer ${req.method} ${url.pathname}` }));
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'x-amzn-RequestId': 'offline', 'x-amz-request-id': 'offline', ...headers });
  res.end(body);
}

function sts(facts: AwsFacts, res: ServerResponse): void {
  const xml =
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
    `<Arn>arn:${facts.partition}:iam::${facts.accountId}:user/offline-plan</Arn><UserId>AIDAOFFLINEPLAN</UserId><Account>${facts.accountId}</Account>` +
    '</GetCallerIdentityResult><ResponseMetadata><RequestId>offline</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
  send(res, 200, 'text/xml', xml);
}

function s3Object(facts: AwsFacts, bucket: string, key: string, tagging: boolean, head: boolean, res: ServerResponse): void {
  if (tagging) return send(res, 200, 'application/xml', '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet></TagSet></Tagging>');
  const known = facts.objects.get(`${bucket}/${key}`);
  const versionId = known?.versionId ?? stableVersionId(bucket, key);
  const etag = known?.etag ?? stableDigest('etag', bucket, key).slice(0, 32);
  const headers = {
    'x-amz-version-id': versionId,
    ETag: `"${etag.replace(/"/g, '')}"`,
    'Last-Modified': new Date(CREATED_EPOCH * 1000).toUTCString(),
    'Content-Length': '0',
  };
  res.writeHead(200, { 'Content-Type': key.endsWith('/') ? 'application/x-directory' : 'application/zip', ...headers });
  res.end(head ? undefined : '');
}

/** The layer's versions the state knows (newest first), else version 1 of the named layer. */
function layerVersions(facts: AwsFacts, layerName: string): string[] {
  const base = layerName.startsWith('arn:') ? layerName : `arn:${facts.partition}:lambda:${facts.region}:${facts.accountId}:layer:${layerName}`;
  const known = facts.layerVersionArns
    .filter((arn) => arn.slice(0, arn.lastIndexOf(':')) === base)
    .sort((a, b) => Number(b.slice(b.lastIndexOf(':') + 1)) - Number(a.slice(a.lastIndexOf(':') + 1)));
  return known.length ? known : [`${base}:1`];
}

function lambdaLayers(facts: AwsFacts, layerName: string, version: string | undefined, res: ServerResponse): void {
  const describe = (arn: string) => ({
    LayerVersionArn: arn,
    Version: Number(arn.slice(arn.lastIndexOf(':') + 1)),
    CompatibleRuntimes: ['python3.12'],
    CompatibleArchitectures: [],
    CreatedDate: CREATED,
    Description: '',
    LicenseInfo: '',
  });
  const versions = layerVersions(facts, layerName);
  if (version === undefined) return send(res, 200, 'application/json', JSON.stringify({ LayerVersions: versions.map(describe) }));
  const arn = versions.find((a) => a.endsWith(`:${version}`)) ?? `${versions[0].slice(0, versions[0].lastIndexOf(':'))}:${version}`;
  send(
    res,
    200,
    'application/json',
    JSON.stringify({
      ...describe(arn),
      LayerArn: arn.slice(0, arn.lastIndexOf(':')),
      Content: { CodeSha256: Buffer.from(stableDigest(arn), 'hex').toString('base64'), CodeSize: 1024, Location: 'https://offline.invalid/layer.zip' },
    }),
  );
}

function ecr(facts: AwsFacts, operation: string, input: Record<string, unknown>, res: ServerResponse, unanswered: string[]): void {
  const json = (status: number, value: unknown) => send(res, status, 'application/x-amz-json-1.1', JSON.stringify(value));
  const repositoryName = String(input.repositoryName ?? (input.repositoryNames as string[] | undefined)?.[0] ?? '');
  const repositoryArn = `arn:${facts.partition}:ecr:${facts.region}:${facts.accountId}:repository/${repositoryName}`;
  switch (operation) {
    case 'DescribeRepositories':
      return json(200, {
        repositories: [
          {
            repositoryArn,
            registryId: facts.accountId,
            repositoryName,
            repositoryUri: `${facts.accountId}.dkr.ecr.${facts.region}.amazonaws.com/${repositoryName}`,
            createdAt: CREATED_EPOCH,
            imageTagMutability: 'MUTABLE',
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfiguration: { encryptionType: 'AES256' },
          },
        ],
      });
    case 'DescribeImages': {
      const ids = (input.imageIds as Array<{ imageTag?: string; imageDigest?: string }> | undefined) ?? [];
      const tag = ids[0]?.imageTag ?? 'latest';
      const digest = ids[0]?.imageDigest ?? facts.imageDigests.get(`${repositoryName}:${tag}`) ?? `sha256:${stableDigest('image', repositoryName, tag)}`;
      return json(200, {
        imageDetails: [
          {
            registryId: facts.accountId,
            repositoryName,
            imageDigest: digest,
            imageTags: [tag],
            imagePushedAt: CREATED_EPOCH,
            imageSizeInBytes: 123456789,
            imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          },
        ],
      });
    }
    case 'ListTagsForResource':
      return json(200, { tags: [] });
    case 'GetLifecyclePolicy':
      return json(400, { __type: 'LifecyclePolicyNotFoundException', message: `no lifecycle policy on ${repositoryName}` });
    case 'GetRepositoryPolicy':
      return json(400, { __type: 'RepositoryPolicyNotFoundException', message: `no policy on ${repositoryName}` });
    default:
      unanswered.push(`ECR ${operation}`);
      return json(501, { __type: 'NotImplemented', message: `offline AWS endpoint does not answer ECR ${operation}` });
  }
}
