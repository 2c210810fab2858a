import { builtBundles, synthesizePayPulse } from './scripts/synth/synthesize';

synthesizePayPulse({ bundles: builtBundles() });
