import { spawn } from 'node:child_process';
import { TerraformFailedError } from './errors';

export interface RunTerraformOptions {
  readonly cwd: string;
  /** Added to the environment of the child process (e.g. TF_VAR_* secrets; never logged). */
  readonly env?: Readonly<Record<string, string>>;
  /** Called with each non-empty output line of long-running commands, for progress. */
  readonly onLine?: (line: string) => void;
  /** @default 'terraform' (env TERRAFORM_BIN) */
  readonly binary?: string;
}

export interface TerraformOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Go's collector target for Terraform and the aws provider it starts (they inherit the
 * environment). Both allocate heavily while loading the provider's schema (~1,500
 * resource types, once per command); at Go's default of 100 a quarter of an offline plan's
 * CPU was garbage collection. 400 measured 9.7 → 7.6 s CPU per plan for 320 → 460 MB
 * peak RSS (2-core machine, aws 5.100.0). The caller's own GOGC wins.
 */
export const TERRAFORM_GOGC = '400';

/** The environment every Terraform command runs with: no TTY, no prompts, no update check. */
function terraformEnv(extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { GOGC: TERRAFORM_GOGC, ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...extra };
}

/** Runs `terraform <args>` without a TTY or prompts; rejects with the last lines of its error output. */
export function runTerraform(args: readonly string[], options: RunTerraformOptions): Promise<TerraformOutput> {
  const binary = options.binary ?? process.env.TERRAFORM_BIN ?? 'terraform';
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      cwd: options.cwd,
      env: terraformEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (!options.onLine) return;
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLine(line.trim());
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (cause) => reject(new TerraformFailedError(`cannot run ${binary}: ${cause.message}`, { cause })));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) return resolve({ stdout, stderr });
      reject(new TerraformFailedError(`terraform ${args[0]} failed (exit ${code}): ${summarizeError(stderr || stdout)}`));
    });
  });
}

/** The first Terraform diagnostic, on one line. */
function summarizeError(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.replace(/^[│╷╵]\s?/, '').trim())
    .filter(Boolean);
  const start = lines.findIndex((l) => l.startsWith('Error:'));
  return (start >= 0 ? lines.slice(start, start + 4) : lines.slice(-3)).join(' ').slice(0, 600);
}
