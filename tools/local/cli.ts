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
import { locateStack } from './stack-source';

const say = (line: string) => process.stderr.write(`${line}\n`);

function printEndpoints(local: LocalPipeline): void {
  const { stack } = local;
  say(`S3 (s3rver)          ${local.s3Endpoint}   buckets: ${stack.buckets.join(', ')}`);
  say(`DynamoDB Local       ${local.dynamodbEndpoint}   tables: ${[local.tables.rentalInvoices, local.tables.retailInvoices, local.tables.ledger].join(', ')}, 8 detail tables`);
  say(`data                 ${local.dataDir}`);
  for (const r of stack.routes) say(`route                s3://${r.bucket}/${r.prefix}*${r.suffix} (${r.events.join(', ')}) -> ${r.functionName}`);
  say(`credentials          AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_REGION=${stack.region}`);
  say(`e.g.                 aws --endpoint-url ${local.s3Endpoint} s3 cp Hyresavi_1.pdf s3://${stack.routes[0]?.bucket ?? stack.buckets[0]}/invoices/u1/rental/Hyresavi_1.pdf`);
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // A second Ctrl-C while shutting down stops at once.
      process.once('SIGINT', () => process.exit(130));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

async function main(args: LocalArgs): Promise<number> {
  const source = await locateStack({ stackPath: args.stackPath, synth: args.synth });
  say(`stack                ${source.path} (${source.origin === 'synthesized' ? 'synthesized in-process' : source.origin})`);
  say('starting s3rver and DynamoDB Local...');
  const local = await startLocalPipeline({
    stack: source.path,
    dataDir: args.dataDir,
    concurrency: args.concurrency,
    handlerLogger: (service) => createLogger({ service, level: 'WARN', sink: (_, line) => say(line) }),
    onReport: (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  }).finally(() => source.cleanup());
  printEndpoints(local);
  try {
    if (args.demo) {
      const { ok, items } = await runDemo(local);
      for (const item of items) process.stdout.write(`${JSON.stringify(item)}\n`);
      say(ok ? `demo: ${items.length} items written` : 'demo: some uploads were not processed (see the lines above)');
      return ok ? 0 : 1;
    }
    say('ready; upload to the S3 endpoint. Ctrl-C to stop.');
    const signal = await untilSignal();
    say(`${signal}: waiting for in-flight events, then stopping...`);
    return 0;
  } finally {
    await local.stop();
    say('stopped');
  }
}

runCli({ usage: USAGE, parse: parseLocalArgs, run: main });
