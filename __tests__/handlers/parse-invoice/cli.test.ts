import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE_FIXTURE, hyresaviPdf, baseFixtureRecord } from '../../../tools/fixtures/hyresavi-pdf';
import { launchCommand } from '../../../app/launch-command';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

const [node, ...launcher] = launchCommand('tools/parse/cli.ts');

async function parseCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(node, [...launcher, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run parse -- <file.pdf>', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parse-invoice-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the record as JSON with user `local` and the file name as key', async () => {
    const file = join(dir, 'Hyresavi_1297534008.pdf');
    writeFileSync(file, await hyresaviPdf(BASE_FIXTURE));
    const { code, stdout } = await parseCli(file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(baseFixtureRecord({ userId: 'local' }));
  }, 30000);

  it('takes user and file name from --key, and the invoice id from the OCR number', async () => {
    const file = join(dir, 'whatever.pdf');
    writeFileSync(file, await hyresaviPdf({ ...BASE_FIXTURE, ocr: '4200000042' }));
    const { code, stdout } = await parseCli(file, '--key', 'invoices/user_7/rental/Hyresavi_42.pdf');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ UserID: 'user_7', InvoiceID: 'Invoice_4200000042', OCR: '4200000042', Filename: 'Hyresavi_42' });
  }, 30000);

  it('prints one error line and exits 1 on an unparseable file', async () => {
    const file = join(dir, 'Hyresavi_9.pdf');
    writeFileSync(file, 'not a pdf at all');
    const { code, stdout, stderr } = await parseCli(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: INVOICE_PARSE_ERROR: Error parsing invoice: not a PDF (no %PDF- header)\n');
  }, 30000);
});
