import { spawn } from 'node:child_process';

export interface TimedRun {
  readonly ms: number;
  readonly code: number | null;
  readonly output: string;
}

/** Runs a command to completion and returns its wall time (spawn to exit) and the tail of its output. */
export function timeCommand(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code, output }));
  });
}

/** Like `timeCommand`, but a non-zero exit is an error naming the command and its output. */
export async function timeOk(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const run = await timeCommand(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.code}:\n${run.output}`);
  return run.ms;
}

/**
 * Alternates a measured command with its baseline, `repetitions` times, so both
 * see the same machine state; returns both series and the per-pair ratios.
 */
export async function pairedRuns(
  measured: () => Promise<number>,
  baseline: () => Promise<number>,
  repetitions: number,
): Promise<{ measured: number[]; baseline: number[]; ratios: number[] }> {
  const result = { measured: [] as number[], baseline: [] as number[], ratios: [] as number[] };
  for (let i = 0; i < repetitions; i++) {
    const b = await baseline();
    const m = await measured();
    result.baseline.push(b);
    result.measured.push(m);
    result.ratios.push(m / b);
  }
  return result;
}
