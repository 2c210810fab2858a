import { rmSync } from 'node:fs';
import { synthForOfflinePlan } from '../plan/synth-stack';
import { readStateFile } from '../terraform/state-file';
import { stackAddresses } from './stack-addresses';
import { splitState, type SplitResult } from './split-state';

/**
 * `npm run migrate`: synthesizes the stack (offline mode) to learn which addresses it
 * takes over, then splits the existing state at `statePath` into `outDir`.
 */
export async function migrateState(statePath: string, outDir: string, env: Readonly<Record<string, string | undefined>>): Promise<SplitResult> {
  const state = readStateFile(statePath);
  const { scratch, stackDir } = synthForOfflinePlan(state, env);
  try {
    return await splitState(statePath, outDir, stackAddresses(stackDir), state);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
