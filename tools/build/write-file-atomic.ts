import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes through a temporary sibling and a rename, so a reader running at the same
 * time (a synth, a parallel test) sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
