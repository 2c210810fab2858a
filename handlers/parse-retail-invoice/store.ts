import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { classifyAwsError } from '../shared/aws-errors';
import { DependencyError } from '../shared/errors';
import type { RetailRecords } from './core/records';

/**
 * What a write did:
 * - `inserted`: no row had this InvoiceID; base + detail rows created.
 * - `updated`: the same order was stored from an earlier receipt (a different
 *   e-mail) and this one is dated later; both rows overwritten, `created_at` kept.
 * - `duplicate_skipped`: the row exists and this receipt is not later — a
 *   redelivered S3 event, or an older copy of the same order. Nothing is changed.
 * This mirrors the original's "overwrite only when the new invoice_date is later".
 */
export type WriteOutcome = 'inserted' | 'updated' | 'duplicate_skipped';

export interface WriteTables {
  readonly retailTable: string;
  readonly ledgerTable?: string;
}

/** For sweep-origin e-mails: the ledger row (UserID + MessageID) to mark. */
export interface LedgerMark {
  readonly messageId: string;
}

const MAX_ATTEMPTS = 3;

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

function baseUpdate(table: string, records: RetailRecords, condition: { expression: string; values: Record<string, unknown> }): TransactItem {
  const { UserID, InvoiceID, created_at, ...fields } = records.base;
  const names: Record<string, string> = { '#created_at': 'created_at' };
  const values: Record<string, unknown> = { ':created_at': created_at, ...condition.values };
  const sets = Object.entries(fields).map(([name, value], i) => {
    names[`#f${i}`] = name;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  if (condition.expression.includes('#invoice_date')) names['#invoice_date'] = 'invoice_date';
  return {
    Update: {
      TableName: table,
      Key: { UserID, InvoiceID },
      // created_at stays the first write's time across re-writes.
      UpdateExpression: `SET ${sets.join(', ')}, #created_at = if_not_exists(#created_at, :created_at)`,
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function ledgerUpdate(table: string, records: RetailRecords, mark: LedgerMark, status: 'extracted' | 'duplicate_skipped', now: string): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: { UserID: records.base.UserID, MessageID: mark.messageId },
      UpdateExpression: 'SET #status = :status, order_id = :order_id, retail_invoice_id = :invoice_id, s3_path = :s3_path, extracted_at = :now',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status,
        ':order_id': records.base.order_id,
        ':invoice_id': records.base.InvoiceID,
        ':s3_path': records.base.s3_path,
        ':now': now,
      },
    },
  };
}

function isConditionRace(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: Array<{ Code?: string }> };
  return e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r?.Code === 'ConditionalCheckFailed');
}

/**
 * Writes base + detail (+ ledger mark) in one TransactWriteItems, so an invoice is
 * never half-written. The existing row decides the outcome; its invoice_date is
 * re-checked in the transaction, and a concurrent writer that wins the race makes
 * this one decide again.
 */
export async function writeRetailInvoice(
  ddb: DynamoDBDocumentClient,
  tables: WriteTables,
  records: RetailRecords,
  ledger?: LedgerMark,
): Promise<WriteOutcome> {
  const { UserID, InvoiceID, invoice_date: newDate } = records.base;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let existing: Record<string, unknown> | undefined;
    try {
      const got = await ddb.send(
        new GetCommand({ TableName: tables.retailTable, Key: { UserID, InvoiceID }, ConsistentRead: true, ProjectionExpression: 'invoice_date' }),
      );
      existing = got.Item;
    } catch (err) {
      throw classifyAwsError(err, `GetItem ${tables.retailTable}`);
    }
    const existingDate = typeof existing?.invoice_date === 'string' ? existing.invoice_date : undefined;
    const outcome: WriteOutcome = !existing ? 'inserted' : existingDate !== undefined && newDate > existingDate ? 'updated' : 'duplicate_skipped';

    const items: TransactItem[] = [];
    if (outcome === 'inserted') {
      items.push(baseUpdate(tables.retailTable, records, { expression: 'attribute_not_exists(InvoiceID)', values: {} }));
    } else if (outcome === 'updated') {
      items.push(baseUpdate(tables.retailTable, records, { expression: '#invoice_date = :seen_date', values: { ':seen_date': existingDate } }));
    }
    if (outcome !== 'duplicate_skipped') items.push({ Put: { TableName: records.detailTable, Item: records.detail } });
    if (ledger && tables.ledgerTable) {
      items.push(ledgerUpdate(tables.ledgerTable, records, ledger, outcome === 'duplicate_skipped' ? 'duplicate_skipped' : 'extracted', records.base.created_at));
    }
    if (items.length === 0) return outcome;
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return outcome;
    } catch (err) {
      if (isConditionRace(err) && attempt < MAX_ATTEMPTS) continue;
      throw classifyAwsError(err, `TransactWriteItems ${tables.retailTable} + ${records.detailTable}`);
    }
  }
  throw new DependencyError(`TransactWriteItems ${tables.retailTable}: gave up after ${MAX_ATTEMPTS} conflicting attempts`);
}
