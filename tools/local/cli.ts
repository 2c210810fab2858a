/**
 * npm run local [-- --demo] [--data <dir>]: the invoice pipeline on loopback.
 * s3rver + DynamoDB Local, the buckets and S3 notifications of the synthesized
 * stack, the handlers in-process. One JSON line per S3 event on stdout.
 */
import { createLogger } from '../../handlers/shared/logger';
import { runCli } from '../../app/run-cli';
import { LOCAL_CREDENTIALS } from '../local-aws/local-credentials';
import { parseLocalArgs, USAGE, type LocalArgs } from './cli-args';
import { runDemo } from './demo';
import { startLocalPipeline, type LocalPipeline } from './local-pipeline';
import { guardProcess } from './process-guard';
import { locateStack } from './stack-source';

const say = (line: string) => process.stderr.write(`${line}\n`);

function printEndpoints(local: LocalPipeline): void {
  const { stack } = local;
  say(`S3 (s3rver)          ${local.s3Endpoint}   buckets: ${stack.buckets.join(', ')}`);
  say(`DynamoDB Local       ${local.dynamodbEndpoint} (pid ${local.dynamodb.pid})   tables: ${[local.tables.rentalInvoices, local.tables.retailInvoices, local.tables.ledger].join(', ')}, 8 detail tables`);
  if (!local.dynamodb.loopbackOnly) {
    say('warning              DynamoDB Local listens on every interface: javac was not found to build its loopback launcher (see README)');
  }
  say(`data                 ${local.dataDir}`);
  for (const r of stack.routes) say(`route                s3://${r.bucket}/${r.prefix}*${r.suffix} (${r.events.join(', ')}) -> ${r.functionName}`);
  say(`credentials          AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_REGION=${stack.region}`);
  say(`e.g.                 aws --endpoint-url ${local.s3Endpoint} s3 cp Hyresavi_1.pdf s3://${stack.routes[0]?.bucket ?? stack.buckets[0]}/invoices/u1/rental/Hyresavi_1.pdf`);
}

async function main(args: LocalArgs): Promise<number> {
  const source = await locateStack({ stackPath: args.stackPath, synth: args.synth });
  say(`stack                ${source.path} (${source.origin === 'synthesized' ? 'synthesized in-process' : source.origin})`);
  say('starting s3rver and DynamoDB Local...');
  const starting = startLocalPipeline({
    stack: source.path,
    dataDir: args.dataDir,
    concurrency: args.concurrency,
    handlerLogger: (service) => createLogger({ service, level: 'WARN', sink: (_, line) => say(line) }),
    onReport: (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  }).finally(() => source.cleanup());
  // Installed before the servers start, so no way of ending the run leaves one behind.
  const guard = guardProcess({
    stop: async () => (await starting.catch(() => undefined))?.stop(),
    exit: (code) => process.exit(code),
    say,
    signalIsNormalEnd: !args.demo,
  });
  try {
    const local = await starting;
    printEndpoints(local);
    if (args.demo) {
      const { ok, items } = await runDemo(local);
      for (const item of items) process.stdout.write(`${JSON.stringify(item)}\n`);
      say(ok ? `demo: ${items.length} items written` : 'demo: some uploads were not processed (see the lines above)');
      return ok ? 0 : 1;
    }
    say('ready; upload to the S3 endpoint. Ctrl-C to stop.');
    return await guard.untilSignal;
  } finally {
    await guard.stop();
    guard.dispose();
    say('stopped');
  }
}

runCli({ usage: USAGE, parse: parseLocalArgs, run: main });
