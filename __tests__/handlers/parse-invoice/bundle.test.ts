import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE_FIXTURE, hyresaviPdf, baseFixtureRecord } from './support/hyresavi-pdf';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

/**
 * Runs the handler from the single-file bundle, in a directory with no
 * node_modules, with stub S3/DynamoDB clients: proves pdf-parse, its pdf.js worker
 * and every other dependency are inside the bundle and work there.
 */
const RUNNER = `
const { readFileSync } = require('fs');
const { Readable } = require('stream');
const { createHandler } = require('./index.js');
const pdf = readFileSync('./Hyresavi_1297534008.pdf');
const items = [];
const clients = {
  s3: { send: async () => ({ Body: Readable.from([pdf]), ContentLength: pdf.length }) },
  ddb: { send: async (command) => { items.push(command.input.Item); return {}; } },
};
const logger = { debug() {}, info() {}, warn() {}, error(m, f) { console.error(m, f); } };
const handler = createHandler({ clients, env: { DYNAMODB_TABLE: 'RentalInvoices' }, logger });
const event = { Records: [{ s3: { bucket: { name: 'b' }, object: { key: 'invoices/u1/rental/Hyresavi_1297534008.pdf' } } }] };
handler(event).then((r) => process.stdout.write(JSON.stringify({ statusCode: r.statusCode, items })));
`;

describe('esbuild bundle of parse_invoice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parse-invoice-bundle-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a PDF when required from a directory without node_modules', async () => {
    await build({
      entryPoints: [join(ROOT, 'handlers', 'parse-invoice', 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      outfile: join(dir, 'index.js'),
      logLevel: 'silent',
    });
    expect(readFileSync(join(dir, 'index.js'), 'utf8')).not.toMatch(/require\("(pdf-parse|pdfjs-dist)[^"]*"\)/);
    writeFileSync(join(dir, 'Hyresavi_1297534008.pdf'), await hyresaviPdf(BASE_FIXTURE));
    writeFileSync(join(dir, 'run.js'), RUNNER);

    const { stdout, stderr } = await run(process.execPath, ['run.js'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });

    expect(stderr).not.toMatch(/Warning: Cannot|DOMMatrix|fake worker/);
    expect(JSON.parse(stdout)).toEqual({
      statusCode: 200,
      items: [
        baseFixtureRecord({ userId: 'u1' }),
      ],
    });
  }, 60000);
});
