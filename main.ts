import { builtBundles, synthesizePayPulse } from './app/synthesize';

synthesizePayPulse({ bundles: builtBundles() });
