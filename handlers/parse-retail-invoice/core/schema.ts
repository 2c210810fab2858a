import type { RetailSubType } from '../../../contract/sub-types';
import { findDuration } from './fields/duration';
import { findDeliveryFee, findDiscount, findTax } from './fields/fees';
import { findItems } from './fields/items';
import { findIdentifier } from './fields/order-id';
import { findPaymentMethod } from './fields/payment-method';
import { findStoreLocation, findStoreName } from './fields/store';
import { findPassengers, findTransportType, findTravelDetails } from './fields/travel';
import { findUsageDetails, findUtilityType } from './fields/utility';
import { BOOKING_REFERENCE_LABELS, INVOICE_NUMBER_LABELS, RECEIPT_NUMBER_LABELS } from './labels';
import type { TextLine } from './text-lines';
import type { BaseFields, ExtraFields, ReceiptItem } from './types';

/** What a sub_type's schema reads from. */
export interface SchemaInput {
  readonly lines: readonly TextLine[];
  readonly base: BaseFields;
}

type Schema = (input: SchemaInput) => ExtraFields;

/** A lone item's name describes the purchase; several items have no single description. */
const describe = (items: readonly ReceiptItem[]) => (items.length === 1 ? items[0].name : null);

/**
 * The extra fields of each sub_type, exactly those of PAYPULSE_REFERENCE §5.3. A
 * field the receipt does not show is null (lists are empty), never guessed.
 */
export const SCHEMAS: Readonly<Record<RetailSubType, Schema>> = {
  'food-delivery': ({ lines }) => ({
    delivery_fee: findDeliveryFee(lines),
    discount: findDiscount(lines),
    items: findItems(lines).map(({ name, description, price, quantity }) => ({ name, description, price, quantity })),
  }),
  clothing: ({ lines }) => ({
    tax: findTax(lines),
    delivery_fee: findDeliveryFee(lines),
    payment_method: findPaymentMethod(lines),
    items: findItems(lines).map(({ name, price, quantity }) => ({ name, brand: null, price, quantity })),
  }),
  technology: ({ lines }) => {
    const items = findItems(lines);
    return {
      description: describe(items),
      tax: findTax(lines),
      delivery_fee: findDeliveryFee(lines),
      payment_method: findPaymentMethod(lines),
      items: items.map(({ name, price, quantity }) => ({ name, price, quantity })),
      notes: null,
    };
  },
  miscellaneous: ({ lines }) => {
    const items = findItems(lines);
    return {
      category: null,
      description: describe(items),
      tax: findTax(lines),
      delivery_fee: findDeliveryFee(lines),
      items: items.map(({ name, price, quantity }) => ({ name, price, quantity })),
      notes: null,
    };
  },
  subscriptions: ({ lines }) => ({
    receipt_number: findIdentifier(lines, RECEIPT_NUMBER_LABELS),
    invoice_number: findIdentifier(lines, INVOICE_NUMBER_LABELS),
    payment_method: findPaymentMethod(lines),
    duration: findDuration(lines),
  }),
  grocery: ({ lines, base }) => ({
    store_name: findStoreName(lines, base.vendor_name),
    store_location: findStoreLocation(lines),
    items: findItems(lines).map(({ name, price, quantity, unit }) => ({ name, price, quantity, unit, category: null })),
  }),
  utility: ({ lines, base }) => ({
    utility_type: findUtilityType(lines),
    provider: base.vendor_name,
    usage_details: findUsageDetails(lines),
  }),
  travel: ({ lines, base }) => ({
    transport_type: findTransportType(lines),
    transport_company: base.vendor_name,
    booking_reference: findIdentifier(lines, BOOKING_REFERENCE_LABELS) ?? base.order_id,
    travel_details: findTravelDetails(lines, base.invoice_date),
    passengers: findPassengers(lines),
  }),
};
