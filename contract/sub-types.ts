/**
 * The eight retail sub-types, with the Lambda environment variable that names
 * each one's detail table and that table's default name (PAYPULSE_REFERENCE §1.2, §2.2).
 * One table for the key grammar, the handler and the stack's function catalog.
 */
export const RETAIL_SUB_TYPES = {
  'food-delivery': { tableEnv: 'FOOD_DELIVERY_INVOICES_TABLE', defaultTable: 'FoodDeliveryInvoices' },
  clothing: { tableEnv: 'CLOTHING_INVOICES_TABLE', defaultTable: 'ClothingInvoices' },
  technology: { tableEnv: 'TECHNOLOGY_INVOICES_TABLE', defaultTable: 'TechnologyInvoices' },
  subscriptions: { tableEnv: 'SUBSCRIPTION_INVOICES_TABLE', defaultTable: 'SubscriptionInvoices' },
  grocery: { tableEnv: 'GROCERY_INVOICES_TABLE', defaultTable: 'GroceryInvoices' },
  utility: { tableEnv: 'MISC_UTILITY_INVOICES_TABLE', defaultTable: 'MiscellaneousUtilityInvoices' },
  miscellaneous: { tableEnv: 'MISC_INVOICES_TABLE', defaultTable: 'MiscellaneousInvoices' },
  travel: { tableEnv: 'TRAVEL_INVOICES_TABLE', defaultTable: 'TravelInvoices' },
} as const;

export type RetailSubType = keyof typeof RETAIL_SUB_TYPES;

export const RETAIL_SUB_TYPE_NAMES = Object.keys(RETAIL_SUB_TYPES) as RetailSubType[];

export function isRetailSubType(value: string): value is RetailSubType {
  return Object.prototype.hasOwnProperty.call(RETAIL_SUB_TYPES, value);
}
