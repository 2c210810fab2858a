import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { classifyAwsError } from '../shared/aws-errors';
import { ConflictError, DependencyError } from '../shared/errors';
import type { RetailWriteOutcome } from '../shared/write-outcome';
import type { RetailRecords } from './core/records';

/**
 * When each write outcome applies (vocabulary: handlers/shared/write-outcome.ts). The InvoiceID names an order (user + vendor + order id), or the
 * e-mail itself when the receipt has no order id.
 * - `inserted`: no row had this InvoiceID; base + detail rows created.
 * - `updated`: a later e-mail for the same order, or a new version of the same object
 *   with different content; both rows rewritten (`created_at` kept), and a detail row
 *   left in another sub_type's table is deleted in the same transaction.
 * - `duplicate_skipped`: a re-delivered event, an identical receipt for the same order
 *   and date from another e-mail, or an older e-mail for the order. Nothing changes.
 * Another e-mail for the same order and date with a different total or currency is a
 * `ConflictError` (kept for review), never first-wins.
 */
export interface WriteTables {
  readonly retailTable: string;
  readonly ledgerTable?: string;
  /** The detail table of another sub_type, to delete a row an earlier e-mail left there. */
  readonly detailTableOf?: (subType: string) => string | undefined;
}

/** For sweep-origin e-mails: the ledger row (UserID + MessageID) to mark. */
export interface LedgerMark {
  readonly messageId: string;
}

/** The fields of the stored base row that decide what a new receipt does. */
interface StoredRow {
  readonly invoice_date?: unknown;
  readonly s3_path?: unknown;
  readonly sub_type?: unknown;
  readonly total_amount?: unknown;
  readonly currency?: unknown;
}

/** A condition that holds only while the row still has the fields a decision was made on. */
function unchangedSince(stored: StoredRow): { expression: string; values: Record<string, unknown> } {
  const checks: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, name] of [
    ['invoice_date', '#invoice_date'],
    ['s3_path', 's3_path'],
    ['sub_type', 'sub_type'],
  ] as const) {
    const value = stored[field];
    if (value === undefined) checks.push(`attribute_not_exists(${name})`);
    else {
      checks.push(`${name} = :seen_${field}`);
      values[`:seen_${field}`] = value;
    }
  }
  return { expression: checks.join(' AND '), values };
}

type Decision = { readonly outcome: RetailWriteOutcome } | { readonly conflict: string };

/** The rule for a receipt whose InvoiceID already has a row. */
export function decideAgainst(stored: StoredRow, records: RetailRecords): Decision {
  const { invoice_date: newDate, s3_path: path, total_amount: total, currency } = records.base;
  const storedDate = typeof stored.invoice_date === 'string' ? stored.invoice_date : '';
  const sameContent = stored.total_amount === total && (stored.currency ?? null) === currency;
  if (stored.s3_path === path) {
    // The same object: a re-delivery is a no-op, a new version of it (other content) an update.
    return { outcome: sameContent && storedDate === newDate ? 'duplicate_skipped' : 'updated' };
  }
  if (newDate > storedDate) return { outcome: 'updated' };
  if (newDate < storedDate || sameContent) return { outcome: 'duplicate_skipped' };
  return {
    conflict: `${records.base.InvoiceID} (order ${records.base.order_id ?? '-'}, ${newDate}) is already stored from '${String(stored.s3_path)}' with total ${String(stored.total_amount)} ${String(stored.currency ?? '')}; '${path}' says ${total} ${currency ?? ''} and was not written`,
  };
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
 * Writes base + detail (+ ledger mark, + delete of a stale detail row) in one
 * TransactWriteItems, so an invoice is never half-written. The existing row decides the
 * outcome (`decideAgainst`); the fields it decided on are re-checked in the transaction,
 * and a concurrent writer that wins the race makes this one decide again.
 */
export async function writeRetailInvoice(
  ddb: DynamoDBDocumentClient,
  tables: WriteTables,
  records: RetailRecords,
  ledger?: LedgerMark,
): Promise<RetailWriteOutcome> {
  const { UserID, InvoiceID } = records.base;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let existing: StoredRow | undefined;
    try {
      const got = await ddb.send(
        new GetCommand({
          TableName: tables.retailTable,
          Key: { UserID, InvoiceID },
          ConsistentRead: true,
          ProjectionExpression: 'invoice_date, s3_path, sub_type, total_amount, currency',
        }),
      );
      existing = got.Item;
    } catch (err) {
      throw classifyAwsError(err, `GetItem ${tables.retailTable}`);
    }
    const decision: Decision = existing ? decideAgainst(existing, records) : { outcome: 'inserted' };
    if ('conflict' in decision) {
      throw new ConflictError(decision.conflict, {
        context: { invoiceId: InvoiceID, storedPath: existing?.s3_path, storedTotal: existing?.total_amount, total: records.base.total_amount },
      });
    }
    const { outcome } = decision;

    const items: TransactItem[] = [];
    if (outcome === 'inserted') {
      items.push(baseUpdate(tables.retailTable, records, { expression: 'attribute_not_exists(InvoiceID)', values: {} }));
    } else if (outcome === 'updated') {
      // The row must still be the one this decision was made against.
      items.push(baseUpdate(tables.retailTable, records, unchangedSince(existing ?? {})));
      const staleTable = typeof existing?.sub_type === 'string' && existing.sub_type !== records.base.sub_type ? tables.detailTableOf?.(existing.sub_type) : undefined;
      if (staleTable && staleTable !== records.detailTable) items.push({ Delete: { TableName: staleTable, Key: { InvoiceID } } });
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
