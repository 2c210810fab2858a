import { InvalidKeyError } from '../../shared/errors';
import { parseRetailInvoiceKey } from '../../shared/s3-keys';
import { RETAIL_SUB_TYPES } from '../../../contract/sub-types';
import { ReceiptRejectedError } from './errors';
import { extractReceipt } from './extract-receipt';
import { buildRecords, type RetailRecords } from './records';

/**
 * What the handler would write for an HTML receipt, with no AWS: `{ base, detail,
 * detailTable }`. Used by `npm run parse`. The key is required, since the user,
 * sub_type, vendor and fallback date come from it.
 */
export async function preview(body: Buffer, key: string | undefined): Promise<RetailRecords> {
  if (!key) {
    throw new InvalidKeyError('an HTML receipt needs --key invoices/<user>/retail/<sub_type>/<vendor>_<YYYY-MM-DD>_<hash>.html');
  }
  const parsed = parseRetailInvoiceKey(key);
  const extracted = extractReceipt(body, { subType: parsed.subType, vendorSlug: parsed.vendor, fallbackDate: parsed.date });
  if (!extracted.base.total_amount) {
    throw new ReceiptRejectedError(
      `rejected_zero_amount: no amount paid found in the receipt (total ${extracted.base.total_amount === 0 ? 'is 0' : 'missing'})`,
    );
  }
  const { tableEnv, defaultTable } = RETAIL_SUB_TYPES[parsed.subType];
  return buildRecords({
    key: parsed,
    objectKey: key,
    extracted,
    discoverySource: 'vendor_config',
    detailTable: process.env[tableEnv] || defaultTable,
    now: new Date(),
  });
}
