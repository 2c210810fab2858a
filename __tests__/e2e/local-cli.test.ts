import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { launchCommand } from '../../app/launch-command';

const ROOT = join(__dirname, '..', '..');

const [node, ...launcher] = launchCommand('tools/local/cli.ts');

/** `npm run local -- --demo` as a user runs it; --synth makes it independent of any cdktf.out (as on a fresh clone). */
describe('npm run local -- --demo', () => {
  it('uploads a PDF and two receipts, prints one line per event and the items, and exits 0', () => {
    const run = spawnSync(node, [...launcher, '--demo', '--synth'], { cwd: ROOT, encoding: 'utf8', timeout: 90000 });
    expect(run.stderr).toMatch(/synthesized in-process/);
    expect(run.status).toBe(0);

    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const reports = lines.filter((l) => 'outcome' in l);
    expect(reports.map((r) => [r.function, r.outcome]).sort()).toEqual([
      ['parse_invoice', 'inserted'],
      ['parse_retail_invoice', 'inserted'],
      ['parse_retail_invoice', 'inserted'],
    ]);
    const items = lines.filter((l) => 'table' in l) as Array<{ table: string; item: Record<string, unknown> }>;
    expect(items.filter((i) => i.table === 'RentalInvoices').map((i) => i.item.InvoiceID)).toEqual(['Invoice_1297534008']);
    expect(items.filter((i) => i.table === 'RetailInvoices').map((i) => i.item.vendor_name).sort()).toEqual(['Foodbolt', 'Knit & Purl']);
  }, 100000);
});
