/**
 * The CDKTF app (`npm run synth`, `cdktf synth`): load config, build the stack, synth.
 * cdktf.json runs it as a prebuilt bundle through app/run.cjs; errors (a bad
 * PAYPULSE_* value, say) print one line `error: CODE: message` and exit 1.
 */
import { builtBundles } from './app/bundles';
import { ensureHandlerBuild } from './app/handler-build';
import { parseCliArgs, runCli } from './app/run-cli';
import { createApp, loadConfig, buildAndSynth } from './app/synthesize';

runCli({
  usage: `Usage: npm run synth  (or: cdktf synth)

Builds the handler zips if their sources changed, then synthesizes the PayPulse stack
into cdktf.out/stacks/<stackId>/cdk.tf.json. Config comes from cdktf.json's context
key "paypulse" and PAYPULSE_* environment variables (see README, Configuration).`,
  parse: (argv) => parseCliArgs({}, argv),
  run: async () => {
    const app = createApp();
    const config = loadConfig(app);
    await ensureHandlerBuild();
    buildAndSynth(app, config, builtBundles());
  },
});
