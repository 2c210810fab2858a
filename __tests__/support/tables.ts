import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ALL_TABLES } from '../../tools/local-aws/handler-env';

/** Every item of a table (all pages). */
export async function scanAll(ddb: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Item counts of the tables that hold anything, e.g. `{ RetailInvoices: 1 }`; `{}` when nothing was written. */
export async function nonEmptyTables(ddb: DynamoDBDocumentClient, tables: readonly string[] = ALL_TABLES): Promise<Record<string, number>> {
  const counts = await Promise.all(tables.map(async (t) => [t, (await scanAll(ddb, t)).length] as const));
  return Object.fromEntries(counts.filter(([, n]) => n > 0));
}
