import { isCalendarDate } from './calendar-date';
import { InvalidKeyError } from './errors';
import { isRetailSubType, RETAIL_SUB_TYPE_NAMES, type RetailSubType } from '../../contract/sub-types';
import { INVOICES_PREFIX, LEGACY_RENTAL_PREFIX } from '../../contract/keys';

/**
 * The one grammar of PayPulse invoice object keys (PAYPULSE_REFERENCE §3).
 *
 *   invoices/{user_id}/rental/{file}.pdf                                  rental, current layout
 *   rental-invoices/{user_id}/{file}.pdf                                  rental, legacy layout
 *   invoices/{user_id}/retail/{sub_type}/{vendor}_{YYYY-MM-DD}_{hash}.html retail
 *
 * Keys here are already decoded; S3 event keys go through `decodeS3EventKey` first.
 * `formatInvoiceKey(parseInvoiceKey(k)) === k` for every key the grammar accepts.
 */
export type InvoiceKey = RentalInvoiceKey | RetailInvoiceKey;

export interface RentalInvoiceKey {
  readonly kind: 'rental';
  readonly layout: 'current' | 'legacy';
  readonly userId: string;
  /** The base name, e.g. `Hyresavi_1297534008.pdf`. */
  readonly fileName: string;
  /** The base name without its extension, e.g. `Hyresavi_1297534008`. */
  readonly stem: string;
}

export interface RetailInvoiceKey {
  readonly kind: 'retail';
  readonly userId: string;
  readonly subType: RetailSubType;
  /** The vendor slug or VendorConfig id; may hold `&` and `-`, never `_`. */
  readonly vendor: string;
  /** The e-mail's date, YYYY-MM-DD. */
  readonly date: string;
  readonly hash: string;
  readonly fileName: string;
}


const MAX_KEY_BYTES = 1024; // S3's own limit
const MAX_SEGMENT_BYTES = 255;
const USER_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;
const RETAIL_FILE = /^([^_]+)_(\d{4}-\d{2}-\d{2})_([A-Za-z0-9]{1,64})\.html$/;
// C0/C1 controls, zero-width characters, bidi overrides and the BOM: nothing a
// mail client produces in a file name, and a classic way to disguise one.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
// A UTF-16 surrogate without its pair has no UTF-8 form, so it can never be an S3 key.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function reject(key: string, reason: string): never {
  throw new InvalidKeyError(`Invalid S3 path format: ${reason} (key: ${JSON.stringify(key.slice(0, 200))})`, {
    context: { key: key.slice(0, 1024) },
  });
}

function checkSegment(key: string, segment: string, what: string): void {
  if (segment.length === 0) reject(key, `empty ${what} segment`);
  if (segment === '.' || segment === '..') reject(key, `'${segment}' is not allowed as ${what}`);
  if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) reject(key, `${what} is longer than ${MAX_SEGMENT_BYTES} bytes`);
  if (INVISIBLE.test(segment)) reject(key, `${what} contains control or invisible characters`);
}

function checkUserId(key: string, userId: string): void {
  checkSegment(key, userId, 'user_id');
  if (!USER_ID.test(userId)) reject(key, 'user_id must be 1-128 characters of A-Z, a-z, 0-9, _, - and .');
}

function parseRentalFile(key: string, fileName: string): { fileName: string; stem: string } {
  checkSegment(key, fileName, 'file name');
  if (!/\.pdf$/i.test(fileName)) reject(key, 'a rental invoice must be a .pdf file');
  const stem = fileName.slice(0, -'.pdf'.length);
  if (stem.length === 0 || stem.startsWith('.')) reject(key, 'the file name needs a stem that does not start with "."');
  return { fileName, stem };
}

function parseRetail(key: string, userId: string, subType: string, fileName: string): RetailInvoiceKey {
  if (!isRetailSubType(subType)) {
    reject(key, `unknown retail sub_type '${subType}' (expected one of ${RETAIL_SUB_TYPE_NAMES.join(', ')})`);
  }
  checkSegment(key, fileName, 'file name');
  const match = RETAIL_FILE.exec(fileName);
  if (!match) reject(key, 'a retail file name must be {vendor}_{YYYY-MM-DD}_{hash}.html, with no "_" in the vendor');
  const [, vendor, date, hash] = match;
  if (!isCalendarDate(date)) reject(key, `'${date}' is not a calendar date`);
  return { kind: 'retail', userId, subType, vendor, date, hash, fileName };
}

/** Parses a decoded object key, or throws `InvalidKeyError` naming what is wrong. */
export function parseInvoiceKey(key: string): InvoiceKey {
  if (typeof key !== 'string' || key.length === 0) reject(String(key ?? ''), 'the key is empty');
  if (LONE_SURROGATE.test(key)) reject(key, 'the key is not valid Unicode (an unpaired UTF-16 surrogate)');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) reject(key, `the key is longer than ${MAX_KEY_BYTES} bytes`);
  const parts = key.split('/');

  if (parts[0] === 'rental-invoices') {
    if (parts.length !== 3) reject(key, 'expected rental-invoices/{user_id}/{file}.pdf');
    checkUserId(key, parts[1]);
    return { kind: 'rental', layout: 'legacy', userId: parts[1], ...parseRentalFile(key, parts[2]) };
  }
  if (`${parts[0]}/` !== INVOICES_PREFIX) reject(key, `the key must start with '${INVOICES_PREFIX}' or '${LEGACY_RENTAL_PREFIX}'`);
  if (parts.length < 3) reject(key, 'expected invoices/{user_id}/rental/... or invoices/{user_id}/retail/...');
  checkUserId(key, parts[1]);
  const userId = parts[1];

  if (parts[2] === 'rental') {
    if (parts.length !== 4) reject(key, 'expected invoices/{user_id}/rental/{file}.pdf');
    return { kind: 'rental', layout: 'current', userId, ...parseRentalFile(key, parts[3]) };
  }
  if (parts[2] === 'retail') {
    if (parts.length !== 5) reject(key, 'expected invoices/{user_id}/retail/{sub_type}/{vendor}_{YYYY-MM-DD}_{hash}.html');
    return parseRetail(key, userId, parts[3], parts[4]);
  }
  return reject(key, `the third segment must be 'rental' or 'retail', not '${parts[2]}'`);
}

export function formatInvoiceKey(key: InvoiceKey): string {
  if (key.kind === 'retail') return `${INVOICES_PREFIX}${key.userId}/retail/${key.subType}/${key.fileName}`;
  return key.layout === 'legacy'
    ? `${LEGACY_RENTAL_PREFIX}${key.userId}/${key.fileName}`
    : `${INVOICES_PREFIX}${key.userId}/rental/${key.fileName}`;
}

/** Parses a key that must be a rental invoice; a retail key is rejected with a clear message. */
export function parseRentalInvoiceKey(key: string): RentalInvoiceKey {
  const parsed = parseInvoiceKey(key);
  if (parsed.kind !== 'rental') reject(key, 'this is a retail invoice key; parse_invoice only reads rental invoices');
  return parsed;
}

/** Parses a key that must be a retail invoice; a rental key is rejected with a clear message. */
export function parseRetailInvoiceKey(key: string): RetailInvoiceKey {
  const parsed = parseInvoiceKey(key);
  if (parsed.kind !== 'retail') reject(key, 'this is a rental invoice key; parse_retail_invoice only reads retail invoices');
  return parsed;
}

/**
 * Decodes an S3 event key. S3 form-encodes keys in notifications: a space
 * arrives as `+`, `&` as `%26`, non-ASCII as UTF-8 percent escapes.
 */
export function decodeS3EventKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch (cause) {
    throw new InvalidKeyError(`Invalid S3 path format: malformed percent-encoding in event key ${JSON.stringify(raw.slice(0, 200))}`, {
      cause,
    });
  }
}

/**
 * Encodes a key the way S3 writes it into an event notification (inverse of `decodeS3EventKey`).
 * A key with an unpaired surrogate has no UTF-8 form: `InvalidKeyError`, not a URIError.
 */
export function encodeS3EventKey(key: string): string {
  if (LONE_SURROGATE.test(key)) reject(key, 'the key is not valid Unicode (an unpaired UTF-16 surrogate)');
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}
