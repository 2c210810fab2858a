import { join } from 'node:path';
import { formatError, parseCliArgs, reportUsageError } from '../../app/run-cli';
import { REPO_ROOT } from '../build/paths';
import { ToolError } from '../terraform/errors';
import { renderTable, summaryLine, toJson } from './report';
import { classifyPlanFile, type PlanRun, runLivePlan, runOfflinePlan } from './run-plan';

const USAGE = `Usage: npm run plan -- [--state <file> [--plugin-dir <dir>]] [--plan-json <file>] [--json] [--intended <file>]

A real Terraform plan of the synthesized stack, each address classified as
no-op, moved, imported, intended, unintended, create, destroy or forget.

  --state <file>       offline: plan against this state (v4 tfstate), no AWS access;
                       init from the provider mirror, data sources answered locally
  --plugin-dir <dir>   provider mirror (default: env TF_PLUGIN_DIR, else /opt/tf-plugins)
  (no --state)         live: the configured backend and your AWS credentials
  --plan-json <file>   classify \`terraform show -json <plan>\` made elsewhere (CI)
  --intended <file>    declared intended changes (default: parity-intended.json)
  --json               machine-readable output on stdout
  --keep               keep the offline scratch copy

Secrets (sensitive variables): TF_VAR_<name> when set; offline, otherwise the value
the state's functions hold now (said on stderr, never printed).

Exit: 0 nothing existing changes beyond what is intended and nothing is destroyed;
      2 unintended changes or destroys (or a usage error: then stderr starts
      with 'error: USAGE:'); 1 bad input or Terraform failure.`;

interface PlanArgs {
  readonly state?: string;
  readonly 'plugin-dir'?: string;
  readonly 'plan-json'?: string;
  readonly intended?: string;
  readonly json?: boolean;
  readonly keep?: boolean;
  readonly help?: boolean;
}

const OPTIONS = {
  state: { type: 'string' },
  'plugin-dir': { type: 'string' },
  'plan-json': { type: 'string' },
  intended: { type: 'string' },
  json: { type: 'boolean' },
  keep: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const parse = (argv: string[]) => parseCliArgs(OPTIONS, argv).values as PlanArgs;

/** The shared convention (app/run-cli.ts): `error: USAGE: <message>`, the usage, exit 2. */
const usageError = (message: string): number => reportUsageError(USAGE, message);

/** `npm run plan` without the process: returns the exit code (tests call it in-process; cli.ts runs it). */
export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.state && args['plan-json']) {
    return usageError('--state and --plan-json exclude each other');
  }
  const started = Date.now();
  const progress = (message: string) => process.stderr.write(`[plan ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}\n`);
  const intendedPath = args.intended ?? join(REPO_ROOT, 'parity-intended.json');
  try {
    let run: PlanRun;
    if (args['plan-json']) run = classifyPlanFile(args['plan-json'], intendedPath);
    else if (args.state) run = await runOfflinePlan({ statePath: args.state, intendedPath, pluginDir: args['plugin-dir'], progress, keepWorkDir: args.keep });
    else run = await runLivePlan({ intendedPath, progress });
    if (run.timings) {
      const t = run.timings;
      progress(`synth ${t.synthMs} ms, init ${t.initMs} ms${t.initCached ? ' (cached)' : ''}, plan ${t.planMs} ms`);
    }
    process.stdout.write(args.json ? `${JSON.stringify(toJson(run.classification), null, 2)}\n` : `${renderTable(run.classification)}\n`);
    if (args.json) progress(`Summary: ${summaryLine(run.classification)}`);
    return run.classification.exitCode;
  } catch (err) {
    if (err instanceof ToolError) {
      process.stderr.write(`error: ${err.code}: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`${formatError(err)}\n`);
    return 1;
  }
}
