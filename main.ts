import { App } from 'cdktf';
import { readManifest } from './scripts/build/manifest';
import { REPO_ROOT } from './scripts/build/paths';
import { bundlesFromManifest } from './stacks/bundles';
import { configFromEnv, resolveConfig, type PayPulseConfigOverrides } from './stacks/config';
import { PayPulseStack } from './stacks/paypulse-stack';

const app = new App();
const config = resolveConfig(app.node.tryGetContext('paypulse') as PayPulseConfigOverrides | undefined, configFromEnv(process.env));
new PayPulseStack(app, config.stackId, config, bundlesFromManifest(readManifest(), REPO_ROOT));
app.synth();
