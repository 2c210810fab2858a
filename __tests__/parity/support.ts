import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIntendedFile } from '../../scripts/parity/intended';
import type { Row } from '../../scripts/parity/model';
import type { SynthesizedStack } from '../../scripts/parity/stack-loader';
import { synthPayPulse } from '../support/synth';

export const REPO = join(__dirname, '..', '..');
export const FIXTURES = join(REPO, '__tests__', 'fixtures', 'parity');
export const HCL_FIXTURE = join(FIXTURES, 'hcl');
export const STATE_FIXTURE = join(FIXTURES, 'terraform.tfstate');
export const INTENDED = readIntendedFile(join(REPO, 'parity-intended.json'), true);

/** The stack synthesized in-process with fake bundles; a fresh deep copy on every call, safe to mutate. */
export function stackJson(): Record<string, unknown> {
  return JSON.parse(synthPayPulse().json) as Record<string, unknown>;
}

export function asStack(json: Record<string, unknown>): SynthesizedStack {
  return { name: 'paypulse', json };
}

/** A copy of the HCL fixtures in a temp dir, with `edit` applied to one file's text. */
export function mutatedHcl(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'parity-hcl-'));
  cpSync(HCL_FIXTURE, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`mutation of ${file} changed nothing`);
  writeFileSync(path, after);
  return dir;
}

export interface StateJson {
  version: number;
  resources: Array<{ module?: string; mode: string; type: string; name: string; instances: Array<{ attributes: Record<string, unknown> }> }>;
  [key: string]: unknown;
}

/** A copy of the state fixture in a temp file, with `edit` applied to the parsed state. */
export function mutatedState(edit: (state: StateJson) => void): string {
  const state = JSON.parse(readFileSync(STATE_FIXTURE, 'utf8')) as StateJson;
  edit(state);
  const path = join(mkdtempSync(join(tmpdir(), 'parity-state-')), 'terraform.tfstate');
  writeFileSync(path, JSON.stringify(state));
  return path;
}

export function stateResource(state: StateJson, address: string): Record<string, unknown> {
  const found = state.resources.find((r) => `${r.module ? `${r.module}.` : ''}${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}` === address);
  if (!found) throw new Error(`no ${address} in the state fixture`);
  return found.instances[0].attributes;
}

export function row(rows: readonly Row[], address: string, against?: Row['against']): Row {
  const found = rows.find((r) => r.address === address && (!against || r.against === against));
  if (!found) throw new Error(`no row for ${address}: ${rows.map((r) => r.address).join(', ')}`);
  return found;
}

/** The rows that would touch something that exists (what makes the exit code 2). */
export function failing(rows: readonly Row[]): Array<Pick<Row, 'address' | 'status'> & { paths: string[] }> {
  return rows
    .filter((r) => r.kind === 'resource' && (r.status === 'destroy' || (r.status === 'changed' && !r.intended)))
    .map((r) => ({ address: r.address, status: r.status, paths: r.diffs.filter((d) => !d.intended).map((d) => d.path) }));
}
