import {
  CreateTableCommand,
  ResourceInUseException,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { RETAIL_SUB_TYPES } from '../../contract/sub-types';
import { DEFAULT_TABLES } from '../../contract/tables';

/**
 * The DynamoDB tables the two parsers write to, with the keys and GSIs of the
 * existing deployment (PAYPULSE_REFERENCE §4.4, §5.3). The tables themselves live
 * in another stack; these definitions exist for the loopback servers only.
 */
export interface TableNames {
  readonly rentalInvoices: string;
  readonly retailInvoices: string;
  readonly ledger: string;
  /** Detail table per retail sub_type. */
  readonly details: Readonly<Record<string, string>>;
}

export const DEFAULT_TABLE_NAMES: TableNames = {
  rentalInvoices: DEFAULT_TABLES.rentalInvoices,
  retailInvoices: DEFAULT_TABLES.retailInvoices,
  ledger: DEFAULT_TABLES.retailLedger,
  details: Object.fromEntries(Object.values(RETAIL_SUB_TYPES).map((s) => [s.tableEnv, s.defaultTable])),
};

type Key = [name: string, type: 'HASH' | 'RANGE'];

function table(name: string, keys: Key[], indexes: Record<string, Key[]> = {}, stream = false): CreateTableCommandInput {
  const attributes = new Set<string>();
  const schema = (ks: Key[]) => ks.map(([AttributeName, KeyType]) => (attributes.add(AttributeName), { AttributeName, KeyType }));
  const KeySchema = schema(keys);
  const GlobalSecondaryIndexes = Object.entries(indexes).map(([IndexName, ks]) => ({
    IndexName,
    KeySchema: schema(ks),
    Projection: { ProjectionType: 'ALL' as const },
  }));
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema,
    AttributeDefinitions: [...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    ...(GlobalSecondaryIndexes.length ? { GlobalSecondaryIndexes } : {}),
    ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const } } : {}),
  };
}

export function tableDefinitions(names: TableNames = DEFAULT_TABLE_NAMES): CreateTableCommandInput[] {
  return [
    table(names.rentalInvoices, [['UserID', 'HASH'], ['InvoiceID', 'RANGE']], {
      'due_date_year-due_date_month-index': [['due_date_year', 'HASH'], ['due_date_month', 'RANGE']],
    }, true),
    table(names.retailInvoices, [['UserID', 'HASH'], ['InvoiceID', 'RANGE']], {
      'vendor-order-index': [['UserID', 'HASH'], ['vendor_order_key', 'RANGE']],
      'sub_type-invoice_date-index': [['UserID_SubType', 'HASH'], ['invoice_date', 'RANGE']],
    }),
    table(names.ledger, [['UserID', 'HASH'], ['MessageID', 'RANGE']], {
      'status-classified_at-index': [['status', 'HASH'], ['classified_at', 'RANGE']],
    }),
    ...Object.values(names.details).map((name) => table(name, [['InvoiceID', 'HASH']])),
  ];
}

/** Creates every table; tables that already exist are left as they are. */
export async function createTables(client: DynamoDBClient, names: TableNames = DEFAULT_TABLE_NAMES): Promise<void> {
  for (const definition of tableDefinitions(names)) {
    try {
      await client.send(new CreateTableCommand(definition));
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
    }
  }
}
