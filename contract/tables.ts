import { RETAIL_SUB_TYPES } from './sub-types';

/**
 * Default names of the DynamoDB tables the functions use (they live in another stack):
 * the stack's config defaults and the local pipeline's loopback tables.
 */
export const DEFAULT_TABLES = {
  users: 'Users',
  vendorConfig: 'VendorConfig',
  rentalInvoices: 'RentalInvoices',
  retailInvoices: 'RetailInvoices',
  retailLedger: 'RetailEmailClassificationLedger',
} as const;

/** Default detail table per retail sub_type. */
export const DEFAULT_RETAIL_DETAIL_TABLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RETAIL_SUB_TYPES).map(([subType, { defaultTable }]) => [subType, defaultTable]),
);
