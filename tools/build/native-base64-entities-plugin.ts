import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

const DECODE_SHARED_FILE = /[\\/]node_modules[\\/](?:.*[\\/])?entities[\\/]dist[\\/]esm[\\/]internal[\\/]decode-shared\.js$/;
const DECODE_BASE64 = 'export function decodeBase64(input)';

/**
 * `decodeBase64` for the entities package's generated decode trees, decoded by Buffer
 * instead of `atob` plus a JavaScript loop over every 16-bit entry.
 *
 * Same result as the original: the base64 bytes read as little-endian 16-bit words,
 * a trailing odd byte dropped. On a little-endian machine (every Lambda architecture)
 * the bytes are copied into the Uint16Array as they are; elsewhere the words are
 * assembled one by one.
 */
export const NATIVE_DECODE_BASE64 = `const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export function decodeBase64(input) {
    const bytes = Buffer.from(input, "base64");
    const out = new Uint16Array(bytes.length >> 1);
    if (LITTLE_ENDIAN) {
        new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 2));
    } else {
        for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    }
    return out;
}
`;

/**
 * Swaps the entities package's base64 decoder (used by htmlparser2) for the one above.
 *
 * Why: htmlparser2's entity decoder builds its HTML decode tree when its module loads,
 * so at every cold start of parse_retail_invoice: `atob` of 32 KB and a loop over
 * 12,000 entries that runs in V8's interpreter, about 1 ms, where Buffer's native
 * base64 decode and one byte copy take about 0.2 ms (issue 16).
 */
export function nativeBase64EntitiesPlugin(): Plugin {
  return {
    name: 'native-base64-entities',
    setup(build) {
      build.onLoad({ filter: DECODE_SHARED_FILE }, async (args) => ({ contents: replaceDecodeBase64(await readFile(args.path, 'utf8'), args.path), loader: 'js' }));
    },
  };
}

/** The replacement module; throws when the file no longer has the one decoder it replaces (an entities upgrade must be re-checked). */
export function replaceDecodeBase64(source: string, file: string): string {
  const exports = source.match(/^export /gm) ?? [];
  if (!source.includes(DECODE_BASE64) || exports.length !== 1) {
    throw new Error(`native-base64-entities: expected ${file} to export only \`decodeBase64(input)\`; re-check the replacement against this entities version`);
  }
  return NATIVE_DECODE_BASE64;
}
