/**
 * npm run publish-artifact -- <fn> <zip> [--bucket <name>] [--region <region>]
 *
 * Uploads a zip built outside this project (the Python functions) as `<fn>.zip` to
 * the lambda bucket, skipping the upload when the content is unchanged. Run
 * `cdktf deploy` afterwards: the function picks up the new object version.
 */
import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { CliError, parseCliArgs, runCli, UsageError } from '../../app/run-cli';
import { configFromEnv, resolveConfig } from '../../stacks/config';
import { FUNCTION_CATALOG } from '../../stacks/function-catalog';
import { assertZipArchive, publishArtifact } from './publish-artifact';

const USAGE = `Usage: npm run publish-artifact -- <function> <zip> [--bucket <name>] [--region <region>]

Uploads <zip> as <function>.zip to the lambda bucket (a new object version), unless the
current object has the same content. Only zip-deployed functions; run cdktf deploy after.

Options:
  --bucket <name>    the lambda bucket (default: config's lambdaFunctionsBucketName)
  --region <region>  its region (default: config's region)
  --help             show this help`;

interface PublishArgs {
  readonly fn: string;
  readonly zip: string;
  readonly bucket?: string;
  readonly region?: string;
}

function parsePublishArgs(argv: readonly string[]): PublishArgs {
  const { values, positionals } = parseCliArgs({ bucket: { type: 'string' }, region: { type: 'string' } }, argv, true);
  if (positionals.length !== 2) throw new UsageError('expected a function name and a zip file');
  const [fn, zip] = positionals;
  const spec = FUNCTION_CATALOG.find((s) => s.name === fn);
  if (!spec) throw new UsageError(`unknown function '${fn}'; known: ${FUNCTION_CATALOG.filter((s) => s.code.type === 'zip').map((s) => s.name).join(', ')}`);
  if (spec.code.type !== 'zip') throw new UsageError(`${fn} is deployed as a container image, not a zip`);
  const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
  return { fn, zip, bucket: text(values.bucket), region: text(values.region) };
}

async function main(args: PublishArgs): Promise<void> {
  let zip: Buffer;
  try {
    zip = readFileSync(args.zip);
  } catch (err) {
    throw new CliError('INVALID_REQUEST', `cannot read ${args.zip}: ${(err as Error).message}`);
  }
  assertZipArchive(zip, args.zip);
  const config = resolveConfig(configFromEnv(process.env));
  const bucket = args.bucket ?? config.lambdaFunctionsBucketName;
  const s3 = new S3Client({ region: args.region ?? config.region });
  const result = await publishArtifact(s3, { bucket, functionName: args.fn, zip });
  const line =
    result.status === 'unchanged'
      ? `s3://${bucket}/${result.key} unchanged (sha256 ${result.sha256.slice(0, 12)}): nothing uploaded`
      : `s3://${bucket}/${result.key} uploaded (sha256 ${result.sha256.slice(0, 12)}, version ${result.versionId ?? 'n/a'}); run cdktf deploy to update ${args.fn}`;
  process.stdout.write(`${line}\n`);
}

runCli({ usage: USAGE, parse: parsePublishArgs, run: main });
