import { findLabelled } from '../label-finder';
import { PAYMENT_METHOD_LABELS } from '../labels';
import type { TextLine } from '../text-lines';

const BRANDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bvisa\b/i, 'Visa'],
  [/\bmaster\s?card\b/i, 'Mastercard'],
  [/\bmaestro\b/i, 'Maestro'],
  [/\bamerican express\b|\bamex\b/i, 'American Express'],
  [/\bswish\b/i, 'Swish'],
  [/\bklarna\b/i, 'Klarna'],
  [/\bpaypal\b/i, 'PayPal'],
  [/\bapple\s?pay\b/i, 'Apple Pay'],
  [/\bgoogle\s?pay\b/i, 'Google Pay'],
  [/\bvipps\b/i, 'Vipps'],
  [/\bmobilepay\b/i, 'MobilePay'],
  [/\btrustly\b/i, 'Trustly'],
  [/\bpresentkort\b|\bgift ?card\b/i, 'Gift card'],
  [/\bautogiro\b|\bdirect debit\b/i, 'Direct debit'],
  [/\bfaktura\b|\binvoice\b/i, 'Invoice'],
  [/\bkortbetalning\b|\bbetalkort\b|\bkort\b|\b(?:credit|debit)?\s?card\b/i, 'Card'],
];
const LAST_FOUR = /(?:[*•x·.]{2,}\s?|slutar på\s|ending (?:in|with)\s|ends (?:in|with)\s|endet (?:mit|auf)\s|slutter (?:med|på)\s|[–—-]\s?)(\d{4})(?![\d.,])/i;

/** A payment method in normalised form (`Visa **** 4242`, `Swish`, `Klarna`), or null. */
export function parsePaymentMethod(text: string): string | null {
  if (text.length > 120) return null;
  const brand = BRANDS.find(([re]) => re.test(text));
  if (!brand) return null;
  const last4 = LAST_FOUR.exec(text);
  return last4 ? `${brand[1]} **** ${last4[1]}` : brand[1];
}

const PAYMENT_CONTEXT = /betal|paid|payment|kort|card|debiter|charged/i;

/** The labelled payment method, else a brand named on a line that talks about payment. */
export function findPaymentMethod(lines: readonly TextLine[]): string | null {
  const labelled = findLabelled(lines, PAYMENT_METHOD_LABELS, parsePaymentMethod);
  if (labelled.length) return labelled[0].value;
  for (const line of lines) {
    if (!PAYMENT_CONTEXT.test(line.text)) continue;
    const method = parsePaymentMethod(line.text);
    if (method && method !== 'Invoice' && method !== 'Card') return method;
  }
  return null;
}
