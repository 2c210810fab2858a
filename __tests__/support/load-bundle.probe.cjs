// Loads ./<module>.js (default index) from a directory with no node_modules and reports its exports.
'use strict';
let sdkResolvable = true;
try {
  require.resolve('@aws-sdk/client-s3');
} catch {
  sdkResolvable = false;
}
const mod = require(`./${process.argv[2] || 'index'}.js`);
const exportTypes = Object.fromEntries(Object.keys(mod).sort().map((k) => [k, typeof mod[k]]));
console.log('@@PROBE@@' + JSON.stringify({ sdkResolvable, exportTypes }));
