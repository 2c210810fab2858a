import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIR } from '../../support/retail-fixtures';
import { launchCommand } from '../../../app/launch-command';

const ROOT = join(__dirname, '..', '..', '..');

function parse(...args: string[]) {
  const [node, ...launcher] = launchCommand('tools/parse/cli.ts');
  const result = spawnSync(node, [...launcher, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run parse for HTML receipts', () => {
  it('prints base, detail and detailTable as JSON and exits 0', () => {
    const key = 'invoices/u1/retail/food-delivery/foodbolt_2025-03-14_abcd1234.html';
    const { status, stdout } = parse(join(FIXTURE_DIR, 'foodbolt.html'), '--key', key);
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.detailTable).toBe('FoodDeliveryInvoices');
    expect(out.base).toMatchObject({ UserID: 'u1', vendor_name: 'Foodbolt', total_amount: 212, currency: 'SEK', invoice_date: '2025-03-14', order_id: 'FB-2025-88123', s3_path: key });
    expect(out.detail).toMatchObject({ InvoiceID: out.base.InvoiceID, delivery_fee: 29, discount: 20 });
  });

  it('prints error: INVOICE_PARSE_ERROR and exits 1 for a rejected receipt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pri-'));
    const file = join(dir, 'zero.html');
    writeFileSync(file, '<p>Subtotal 100 kr</p>');
    const { status, stdout, stderr } = parse(file, '--key', 'invoices/u1/retail/miscellaneous/acme_2025-03-14_abcd1234.html');
    rmSync(dir, { recursive: true, force: true });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^error: INVOICE_PARSE_ERROR: rejected_zero_amount: .+/);
  });

  it('requires --key for HTML', () => {
    const { status, stderr } = parse(join(FIXTURE_DIR, 'foodbolt.html'));
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(/^error: INVALID_REQUEST: .*--key/);
  });
});
