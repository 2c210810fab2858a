import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { REPO_ROOT } from '../build/paths';
import { parseRetailInvoiceKey } from '../../handlers/shared/s3-keys';
import { INVOICES_PREFIX } from '../../contract/keys';
import { RETAIL_SUB_TYPES } from '../../contract/sub-types';
import type { LocalPipeline } from './local-pipeline';

export const DEMO_USER = 'demo-user';

export interface DemoUpload {
  readonly key: string;
  readonly body: Buffer;
  readonly contentType: string;
}

/** The sample receipts, at `samples/retail/<sub_type>/<file name of the key>`. */
const SAMPLES = join(REPO_ROOT, 'samples', 'retail');

function receipt(sampleKey: string, key = `${INVOICES_PREFIX}${DEMO_USER}/retail/${sampleKey}`): DemoUpload {
  parseRetailInvoiceKey(key);
  return { key, body: readFileSync(join(SAMPLES, sampleKey)), contentType: 'text/html' };
}

/** A generated Hyresavi PDF and two retail receipts (one with `&` in its vendor), for DEMO_USER. */
export async function demoUploads(): Promise<DemoUpload[]> {
  return [
    { key: `${INVOICES_PREFIX}${DEMO_USER}/rental/Hyresavi_1297534008.pdf`, body: await hyresaviPdf(BASE_FIXTURE), contentType: 'application/pdf' },
    receipt('food-delivery/foodbolt_2025-03-14_1a2b3c06.html'),
    receipt('clothing/knit-and-purl_2025-03-14_aa11bb22.html', `${INVOICES_PREFIX}${DEMO_USER}/retail/clothing/knit&purl_2025-03-14_aa11bb22.html`),
  ];
}

export interface DemoItem {
  readonly table: string;
  readonly item: Record<string, unknown>;
}

/** The invoice bucket: the one the notification routes watch. */
export function invoiceBucket(local: LocalPipeline): string {
  const bucket = local.stack.routes[0]?.bucket;
  if (!bucket) throw new Error('The synthesized stack has no S3 notification to route uploads by');
  return bucket;
}

/** Every item the demo user has: rental rows, retail rows and each retail row's detail row. */
export async function demoItems(local: LocalPipeline, userId = DEMO_USER): Promise<DemoItem[]> {
  const { ddb } = local.clients;
  const query = async (table: string) =>
    (await ddb.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'UserID = :u', ExpressionAttributeValues: { ':u': userId } }))).Items ?? [];
  const items: DemoItem[] = (await query(local.tables.rentalInvoices)).map((item) => ({ table: local.tables.rentalInvoices, item }));
  for (const item of await query(local.tables.retailInvoices)) {
    items.push({ table: local.tables.retailInvoices, item });
    const subType = RETAIL_SUB_TYPES[item.sub_type as keyof typeof RETAIL_SUB_TYPES];
    const detailTable = subType && local.tables.details[subType.tableEnv];
    if (!detailTable) continue;
    const detail = await ddb.send(new GetCommand({ TableName: detailTable, Key: { InvoiceID: item.InvoiceID } }));
    if (detail.Item) items.push({ table: detailTable, item: detail.Item });
  }
  return items;
}

/** Uploads the demo objects through the S3 API, waits for the pipeline, and returns the resulting items; `ok` when every event succeeded. */
export async function runDemo(local: LocalPipeline): Promise<{ ok: boolean; items: DemoItem[] }> {
  const bucket = invoiceBucket(local);
  const uploads = await demoUploads();
  const before = local.pipeline.reports.length;
  for (const upload of uploads) {
    await local.clients.s3.send(new PutObjectCommand({ Bucket: bucket, Key: upload.key, Body: upload.body, ContentType: upload.contentType }));
  }
  await local.pipeline.idle();
  const reports = local.pipeline.reports.slice(before);
  const ok = reports.length === uploads.length && reports.every((r) => r.function !== null && r.outcome !== 'error');
  return { ok, items: await demoItems(local) };
}
