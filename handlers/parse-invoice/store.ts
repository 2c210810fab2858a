import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { classifyAwsError } from '../shared/aws-errors';
import { ConflictError, DependencyError } from '../shared/errors';
import type { RentalWriteOutcome } from '../shared/write-outcome';
import type { RentalInvoiceRecord } from './core/rental-record';

/**
 * When each write outcome applies (vocabulary: handlers/shared/write-outcome.ts). The InvoiceID comes from the document's OCR number, so one
 * invoice has one item whichever file it arrived in. The object a stored item came
 * from is its `Filename` (the file stem), for the same user.
 * - `inserted`: no item had this InvoiceID.
 * - `unchanged`: the same file again with the same invoice (a re-delivered event).
 * - `updated`: the same file with a different invoice (a new version of the object).
 * - `duplicate`: another file holding the identical invoice (a `Kopia_` copy): nothing written.
 * A different file with a different invoice under the same OCR is a `ConflictError`.
 */
const MAX_ATTEMPTS = 3;
/** Attributes that name where the item came from, not what the invoice says. */
const PROVENANCE = new Set(['Filename']);

type Item = Record<string, unknown>;

function definedEntries(item: Item): [string, unknown][] {
  return Object.entries(item).filter(([k, v]) => v !== undefined && !PROVENANCE.has(k));
}

/** The same invoice: every attribute equal, apart from the file it came from. */
function sameInvoice(stored: Item, record: RentalInvoiceRecord): boolean {
  const mine = definedEntries(record);
  const theirs = definedEntries(stored);
  return mine.length === theirs.length && mine.every(([k, v]) => stored[k] === v);
}

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

async function readItem(ddb: DynamoDBDocumentClient, table: string, record: RentalInvoiceRecord): Promise<Item | undefined> {
  try {
    const got = await ddb.send(new GetCommand({ TableName: table, Key: { UserID: record.UserID, InvoiceID: record.InvoiceID }, ConsistentRead: true }));
    return got.Item;
  } catch (err) {
    throw classifyAwsError(err, `GetItem ${table}`);
  }
}

/** A whole-item put under `condition`; `false` when the condition failed (someone wrote first). */
async function conditionalPut(ddb: DynamoDBDocumentClient, table: string, record: RentalInvoiceRecord, condition: string, values?: Item): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({ TableName: table, Item: record, ConditionExpression: condition, ExpressionAttributeValues: values }));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw classifyAwsError(err, `PutItem ${table}`);
  }
}

/**
 * Writes the item under (UserID, InvoiceID) with conditional writes, so no document
 * silently replaces a different one, even when uploads race: an insert only if no
 * item exists, an update only if the stored item still comes from the same file. A
 * whole-item put leaves no stale breakdown lines. When a condition fails, the stored
 * item is read again and the decision made again.
 */
export async function putRentalInvoice(ddb: DynamoDBDocumentClient, table: string, record: RentalInvoiceRecord): Promise<RentalWriteOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await readItem(ddb, table, record);
    if (!stored) {
      if (await conditionalPut(ddb, table, record, 'attribute_not_exists(InvoiceID)')) return 'inserted';
      continue;
    }
    const sameFile = stored.Filename === record.Filename;
    if (sameInvoice(stored, record)) return sameFile ? 'unchanged' : 'duplicate';
    if (!sameFile) {
      throw new ConflictError(
        `${record.InvoiceID} (OCR ${record.OCR}) is already stored from '${String(stored.Filename)}' with different content; '${record.Filename}' was not written`,
        { context: { invoiceId: record.InvoiceID, storedFilename: stored.Filename, filename: record.Filename, storedTotal: stored['Total Amount'], total: record['Total Amount'] } },
      );
    }
    if (await conditionalPut(ddb, table, record, 'Filename = :filename', { ':filename': record.Filename })) return 'updated';
  }
  throw new DependencyError(`PutItem ${table}: ${record.InvoiceID} changed under every one of ${MAX_ATTEMPTS} attempts`);
}
