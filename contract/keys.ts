/**
 * The S3 key prefixes stacks and handlers agree on. The notification filter, the
 * managed roles' read grant and the handlers' key grammar all use these.
 */

/** Where uploads land: `invoices/<user>/rental/<file>.pdf`, `invoices/<user>/retail/<sub_type>/<file>.html`. */
export const INVOICES_PREFIX = 'invoices/';

/** The rental uploader's older layout, `rental-invoices/<user>/<file>.pdf`, still accepted by the grammar. */
export const LEGACY_RENTAL_PREFIX = 'rental-invoices/';
