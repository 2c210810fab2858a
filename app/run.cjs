'use strict';
/**
 * The synth app's launcher (cdktf.json `app`, `npm run synth`): runs main.ts as one
 * prebuilt CommonJS bundle (dist/launch/main.js, see launch.cjs), so a synth pays no
 * TypeScript transpile and no npx.
 */
const { SYNTH_APP, launch } = require('./launch.cjs');

launch(SYNTH_APP.entry, SYNTH_APP.options);
