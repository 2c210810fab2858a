/**
 * npm run publish-artifact -- <fn> <zip> [--bucket <name>] [--region <region>]
 *
 * Uploads a zip built outside this project (the Python functions) as `<fn>.zip` to
 * the lambda bucket, skipping the upload when the content is unchanged. Run
 * `cdktf deploy` afterwards: the function picks up the new object version.
 */
import { readFileSync } from 'node:fs';
import { S3Client } from '@aws-sdk/client-s3';
import { publishArtifact } from './publish-artifact';
import { DEFAULT_CONFIG, configFromEnv, resolveConfig } from '../../stacks/config';
import { FUNCTION_CATALOG } from '../../stacks/function-catalog';

function fail(message: string, code = 2): never {
  process.stderr.write(`error: ${message}\nusage: npm run publish-artifact -- <fn> <zip> [--bucket <name>] [--region <region>]\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { fn: string; zip: string; bucket?: string; region?: string } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--bucket' || arg === '--region') {
      const value = argv[++i];
      if (!value) fail(`${arg} needs a value`);
      options[arg.slice(2)] = value;
    } else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) fail('expected a function name and a zip file');
  return { fn: positional[0], zip: positional[1], bucket: options.bucket, region: options.region };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const spec = FUNCTION_CATALOG.find((s) => s.name === args.fn);
  if (!spec) fail(`unknown function '${args.fn}'; known: ${FUNCTION_CATALOG.map((s) => s.name).join(', ')}`);
  if (spec.code.type !== 'zip') fail(`${args.fn} is deployed as a container image, not a zip`);
  let zip: Buffer;
  try {
    zip = readFileSync(args.zip);
  } catch (err) {
    fail(`cannot read ${args.zip}: ${(err as Error).message}`, 1);
  }
  const config = resolveConfig(configFromEnv(process.env));
  const bucket = args.bucket ?? config.lambdaFunctionsBucketName ?? DEFAULT_CONFIG.lambdaFunctionsBucketName;
  const s3 = new S3Client({ region: args.region ?? config.region });
  const result = await publishArtifact(s3, { bucket, functionName: args.fn, zip });
  const line =
    result.status === 'unchanged'
      ? `s3://${bucket}/${result.key} unchanged (sha256 ${result.sha256.slice(0, 12)}): nothing uploaded`
      : `s3://${bucket}/${result.key} uploaded (sha256 ${result.sha256.slice(0, 12)}, version ${result.versionId ?? 'n/a'}); run cdktf deploy to update ${args.fn}`;
  process.stdout.write(line + '\n');
}

main().catch((err) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
