import { ParityInputError } from './errors';
import type { ParityOptions } from './run';

export interface CliOptions extends ParityOptions {
  readonly json: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm run --silent parity -- [--hcl <dir>] [--state <terraform.tfstate>] [options]

Compares the synthesized stack with an existing HCL configuration and/or state, offline.

  --hcl <dir>          existing Terraform configuration (local modules are followed)
  --state <file>       terraform.tfstate (format version 4)
  --var k=v            variable override, like terraform -var (repeatable)
  --json               machine-readable output
  --strict             also fail (exit 2) on creates and stale intended entries
  --out <dir>          read an existing cdktf.out instead of synthesizing
  --stack <name>       stack in --out (default: the only one)
  --intended <file>    intended differences (default: parity-intended.json)
  --scope-file <file>  HCL root file whose resources the stack owns (repeatable; default s3.tf)

Exit codes: 0 nothing existing changes (beyond intended) or is destroyed; 2 something
would be changed or destroyed; 1 bad input.`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const vars: Record<string, string> = {};
  const ownedFiles: string[] = [];
  const options: { -readonly [K in keyof CliOptions]?: CliOptions[K] } = { json: false, help: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ParityInputError(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--hcl':
        options.hcl = value();
        break;
      case '--state':
        options.state = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--stack':
        options.stackName = value();
        break;
      case '--intended':
        options.intended = value();
        break;
      case '--scope-file':
        ownedFiles.push(value());
        break;
      case '--var': {
        const pair = value();
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new ParityInputError(`--var expects name=value, got ${JSON.stringify(pair)}`);
        vars[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--strict':
        options.strict = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new ParityInputError(`unknown argument ${JSON.stringify(arg)}\n\n${USAGE}`);
    }
  }
  return { ...options, vars, ...(ownedFiles.length ? { ownedFiles } : {}) } as CliOptions;
}
