import { parseDate } from '../../../handlers/parse-retail-invoice/core/dates';
import { moneyIn } from '../../../handlers/parse-retail-invoice/core/money';
import { currencyMarkerIn } from '../../../handlers/parse-retail-invoice/core/currency';
import { repairQuotedPrintable } from '../../../handlers/parse-retail-invoice/core/quoted-printable';
import { parseIdentifier } from '../../../handlers/parse-retail-invoice/core/fields/order-id';
import { parsePaymentMethod } from '../../../handlers/parse-retail-invoice/core/fields/payment-method';

describe('date grammar', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['14 mars 2025', '2025-03-14'],
    ['fredag 14 mars 2025 kl. 18:42', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['Mar 4, 2025', '2025-03-04'],
    ['14 March 2025', '2025-03-14'],
    ['14th of March 2025', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['03/14/2025', '2025-03-14'],
    ['14.03.2025', '2025-03-14'],
    ['2025/03/14 10:00', '2025-03-14'],
    ['1 maj 2025', '2025-05-01'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31/02/2025', '2025-13-01', 'no date here', '12.50', '1 234,50 kr'])('rejects %s', (text) => expect(parseDate(text)).toBeNull());
});

describe('money in a value cell', () => {
  it.each([
    ['8 123,50 kr', 8123.5],
    ['1\u00a0299,00\u00a0kr', 1299],
    ['4 199:-', 4199],
    ['€ 76,90', 76.9],
    ['$1,234.56', 1234.56],
    ['£0.99', 0.99],
    ['SEK 99', 99],
    ['3 items 499 kr', 499],
  ])('%s → %d', (text, value) => expect(moneyIn(text)).toBe(value));

  it.each(['Visa **** 4242', 'ending in 1881', '25 %', '2025-03-14', '14 mars 2025', '12:30', 'Swish'])('finds no money in %s', (text) =>
    expect(moneyIn(text)).toBeNull(),
  );
});

describe('currency grammar', () => {
  it.each([
    ['199 kr', 'KR'],
    ['SEK 99', 'SEK'],
    ['€12.50', 'EUR'],
    ['$5', 'USD'],
    ['£3', 'GBP'],
    ['100 NOK', 'NOK'],
    ['45 DKK', 'DKK'],
    ['499:-', 'KR'],
    ['12,50', null],
  ])('%s → %s', (text, code) => expect(currencyMarkerIn(text)).toBe(code));
});

describe('identifiers and payment methods', () => {
  it.each([
    ['#12345', '12345'],
    ['nr: AB-1234', 'AB-1234'],
    ['QXT7ZP', 'QXT7ZP'],
    ['2025-03-14', null],
    ['confirmed', null],
    ['12:30', null],
  ])('identifier in %s → %s', (text, id) => expect(parseIdentifier(text)).toBe(id));

  it.each([
    ['Visa ending in 4242', 'Visa **** 4242'],
    ['Mastercard •••• 5555', 'Mastercard **** 5555'],
    ['Swish', 'Swish'],
    ['Klarna Faktura', 'Klarna'],
    ['Genomförd', null],
  ])('payment method in %s → %s', (text, method) => expect(parsePaymentMethod(text)).toBe(method));
});

describe('quoted-printable repair', () => {
  it('decodes =3D, UTF-8 escapes and soft line breaks when the text is QP', () => {
    expect(repairQuotedPrintable('<td style=3D"x">H=C3=A4r =\nkommer</td>')).toBe('<td style="x">Här kommer</td>');
  });

  it('leaves a clean document alone', () => {
    const html = '<a href="https://x.example/?a=20&b=FF">x</a>';
    expect(repairQuotedPrintable(html)).toBe(html);
  });
});
