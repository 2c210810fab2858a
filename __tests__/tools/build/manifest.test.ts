import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManifestError, readManifest, serializeManifest, writeManifest } from '../../../tools/build/manifest';
import type { BuildManifest } from '../../../tools/build/types';

const artifact = {
  zip: 'dist/b_fn.zip',
  size: 3,
  sourceDir: 'handlers/b-fn',
  sha256: 'ab',
  bundle: 'dist/b_fn/index.js',
  base64sha256: 'qw==',
};
const manifest: BuildManifest = { functions: { b_fn: artifact, a_fn: { ...artifact, zip: 'dist/a_fn.zip' } } };

describe('manifest', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'paypulse-manifest-'));
    mkdirSync(path.join(root, 'dist'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('serializes with keys sorted at every level', () => {
    const text = serializeManifest(manifest);
    expect(Object.keys(JSON.parse(text).functions)).toEqual(['a_fn', 'b_fn']);
    expect(Object.keys(JSON.parse(text).functions.a_fn)).toEqual(['base64sha256', 'bundle', 'sha256', 'size', 'sourceDir', 'zip']);
  });

  it('reads back what it wrote when every zip exists', () => {
    const file = path.join(root, 'dist', 'manifest.json');
    writeManifest(file, manifest);
    writeFileSync(path.join(root, 'dist', 'a_fn.zip'), 'zip');
    writeFileSync(path.join(root, 'dist', 'b_fn.zip'), 'zip');
    expect(readManifest(file, { rootDir: root })).toEqual(manifest);
  });

  it('tells the user to run npm run build:handlers when the manifest is missing', () => {
    const file = path.join(root, 'dist', 'manifest.json');
    expect(() => readManifest(file, { rootDir: root })).toThrow(ManifestError);
    expect(() => readManifest(file, { rootDir: root })).toThrow(/manifest not found.*\n.*npm run build:handlers/);
  });

  it('names the missing zip and npm run build:handlers when a listed zip is gone', () => {
    const file = path.join(root, 'dist', 'manifest.json');
    writeManifest(file, manifest);
    writeFileSync(path.join(root, 'dist', 'a_fn.zip'), 'zip');
    expect(() => readManifest(file, { rootDir: root })).toThrow(/b_fn \(dist\/b_fn\.zip\)[\s\S]*npm run build:handlers/);
  });

  it('rejects a manifest with a wrongly typed field', () => {
    const file = path.join(root, 'dist', 'manifest.json');
    writeFileSync(file, JSON.stringify({ functions: { a_fn: { ...artifact, size: '3' } } }));
    expect(() => readManifest(file, { rootDir: root, checkZips: false })).toThrow(/functions\.a_fn\.size must be a number/);
  });
});
