import { App } from 'cdktf';
import { configFromEnv, resolveConfig, type PayPulseConfigOverrides } from './stacks/config';
import { PayPulseStack } from './stacks/paypulse-stack';

const app = new App();
const config = resolveConfig(app.node.tryGetContext('paypulse') as PayPulseConfigOverrides | undefined, configFromEnv(process.env));
new PayPulseStack(app, config.stackId, config);
app.synth();
