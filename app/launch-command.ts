import { join } from 'node:path';

const LAUNCHER = join(__dirname, 'launch.cjs');

/** The command line `npm run <script>` runs for `entry` (e.g. `tools/parse/cli.ts`): node and the launcher, which runs the entry's prebuilt bundle (launch.cjs). */
export function launchCommand(entry: string): [string, ...string[]] {
  return [process.execPath, LAUNCHER, entry];
}
