import { RETAIL_SUB_TYPES } from '../../../contract/sub-types';
import { readConfig } from '../../../handlers/parse-retail-invoice/config';
import { MAX_HTML_BYTES } from '../../../handlers/parse-retail-invoice/core/decode-body';
import { ConfigurationError } from '../../../handlers/shared/errors';

const ENV: Record<string, string> = {
  RETAIL_INVOICES_TABLE: 'RetailInvoices',
  ...Object.fromEntries(Object.values(RETAIL_SUB_TYPES).map((s) => [s.tableEnv, `${s.defaultTable}-t`])),
};

describe('parse_retail_invoice config', () => {
  it('reads every table once: the retail table, each sub_type detail table, the optional ledger', () => {
    const config = readConfig({ ...ENV, RETAIL_EMAIL_CLASSIFICATION_LEDGER_TABLE: ' Ledger ' });
    expect(config.retailTable).toBe('RetailInvoices');
    expect(config.detailTables.travel).toBe('TravelInvoices-t');
    expect(config.detailTables['food-delivery']).toBe('FoodDeliveryInvoices-t');
    expect(Object.keys(config.detailTables).sort()).toEqual(Object.keys(RETAIL_SUB_TYPES).sort());
    expect(config.ledgerTable).toBe('Ledger');
    expect(config.maxBytes).toBe(MAX_HTML_BYTES);
  });

  it('has no ledger table when none is set', () => {
    expect(readConfig(ENV)).not.toHaveProperty('ledgerTable');
  });

  it.each(['RETAIL_INVOICES_TABLE', 'TRAVEL_INVOICES_TABLE'])('names a missing %s in a ConfigurationError', (name) => {
    const env = { ...ENV, [name]: ' ' };
    expect(() => readConfig(env)).toThrow(ConfigurationError);
    expect(() => readConfig(env)).toThrow(`Environment variable ${name} is not set`);
  });

  it('rejects a MAX_HTML_BYTES that is not a positive integer', () => {
    expect(() => readConfig({ ...ENV, MAX_HTML_BYTES: '1.5' })).toThrow("MAX_HTML_BYTES must be a positive integer, got '1.5'");
    expect(readConfig({ ...ENV, MAX_HTML_BYTES: '2048' }).maxBytes).toBe(2048);
  });
});
