import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../build/paths';

const bin = (pkg: string, file: string) => join(REPO_ROOT, 'node_modules', pkg, file);

/** A check that runs beside jest: its output is kept and shown only if it fails. */
export interface Check {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
  readonly output: string;
}

/** Typecheck (incremental per tsconfig.json: the build info stays in node_modules/.cache) and lint, as `npm test` has always run them. */
export const CHECKS: readonly Check[] = [
  {
    name: 'typecheck',
    command: process.execPath,
    args: [bin('typescript', 'bin/tsc'), '--noEmit'],
  },
  { name: 'lint', command: bin('.bin', 'biome'), args: ['lint'] },
];

const JEST_BIN = bin('jest', 'bin/jest.js');

/**
 * The checks take seconds and jest takes a minute, on the same cores: at a lower
 * priority they fill the CPU jest leaves idle instead of lengthening the run.
 */
function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, 10);
  } catch {
    // Not permitted on this system: the checks run at normal priority.
  }
}

export function runCheck(check: Check): Promise<CheckResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(check.command, [...check.args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    lowerPriority(child.pid);
    let output = '';
    const keep = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const done = (ok: boolean) => resolve({ name: check.name, ok, seconds: Number(process.hrtime.bigint() - started) / 1e9, output });
    child.once('error', (err) => {
      output += String(err);
      done(false);
    });
    child.once('close', (code) => done(code === 0));
  });
}

/** Runs jest with the terminal attached; resolves to its exit code. */
export function runJest(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [JEST_BIN, ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', () => resolve(1));
    child.once('close', (code) => resolve(code ?? 1));
  });
}
