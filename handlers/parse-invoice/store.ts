import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { classifyAwsError } from '../shared/aws-errors';
import type { RentalInvoiceRecord } from './core/hyresavi';

/** What a write did: a new item, a changed one (a re-upload), or a re-delivered event. */
export type WriteOutcome = 'inserted' | 'updated' | 'unchanged';

function sameItem(stored: Record<string, unknown>, record: RentalInvoiceRecord): boolean {
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  return keys.length === Object.keys(stored).length && keys.every((k) => stored[k] === record[k]);
}

/**
 * Writes the item under its deterministic key (UserID, InvoiceID). A whole-item put
 * makes the write idempotent: a re-delivered event writes the same item again (no
 * duplicate, and DynamoDB Streams emits nothing for an unchanged item), and a
 * changed re-upload replaces every attribute, leaving no stale breakdown lines.
 */
export async function putRentalInvoice(ddb: DynamoDBDocumentClient, table: string, record: RentalInvoiceRecord): Promise<WriteOutcome> {
  let old: Record<string, unknown> | undefined;
  try {
    const result = await ddb.send(new PutCommand({ TableName: table, Item: record, ReturnValues: 'ALL_OLD' }));
    old = result.Attributes;
  } catch (err) {
    throw classifyAwsError(err, `PutItem ${table}`);
  }
  if (!old) return 'inserted';
  return sameItem(old, record) ? 'unchanged' : 'updated';
}
