import { findBrand, isMailServiceSlug } from '../../../handlers/parse-retail-invoice/core/brand';
import { classVisibility, mediaQueryApplies } from '../../../handlers/parse-retail-invoice/core/css-visibility';
import { currencyMarkerIn, resolveKrona } from '../../../handlers/parse-retail-invoice/core/currency';
import { findDate, parseDate } from '../../../handlers/parse-retail-invoice/core/dates';
import { extractReceipt } from '../../../handlers/parse-retail-invoice/core/extract-receipt';
import { parseIdentifier } from '../../../handlers/parse-retail-invoice/core/fields/order-id';
import { parsePaymentMethod } from '../../../handlers/parse-retail-invoice/core/fields/payment-method';
import { detectLanguage } from '../../../handlers/parse-retail-invoice/core/language';
import { repairQuotedPrintable } from '../../../handlers/parse-retail-invoice/core/quoted-printable';
import { readTextDocument } from '../../../handlers/parse-retail-invoice/core/text-lines';
import type { RetailSubType } from '../../../contract/sub-types';

/** Behaviours that receipts as mail really arrives need: forwards, media queries, five languages. */
const extract = (html: string, vendorSlug = 'gmail', subType: RetailSubType = 'miscellaneous', fallbackDate = '2025-04-01') =>
  extractReceipt(html, { subType, vendorSlug, fallbackDate });

describe('CSS visibility in the default (desktop) view', () => {
  it.each([
    ['only screen and (max-width:480px)', false],
    ['screen and (max-device-width: 600px)', false],
    ['only screen and (min-width:480px)', true],
    ['screen', true],
    ['(prefers-color-scheme: dark)', false],
    ['print', false],
    ['(max-width: 30em)', false],
    ['(max-width:480px), (min-width: 600px)', true],
  ])('@media %s applies: %s', (query, applies) => expect(mediaQueryApplies(query)).toBe(applies));

  it('hides a class only by rules that apply; later and !important rules win', () => {
    const v = classVisibility([
      '.mobile { display:none; } @media only screen and (max-width:480px) { .desktop { display:none !important; } .mobile { display:block !important; } }',
      '.desktop-first { display:none } @media (min-width:600px) { .desktop-first { display:block !important } .phone { display:none !important } }',
      '@media (prefers-color-scheme: dark) { .light-logo { display:none } } [data-ogsc] .light-logo { display:none } td[class~="gone"] { display: none }',
    ]);
    expect([...v.hidden].sort()).toEqual(['gone', 'mobile', 'phone']);
    expect(v.forcedVisible.has('desktop-first')).toBe(true);
  });

  it('reads the desktop copy of a responsive mail, not its hidden mobile copy', () => {
    const html = `<html><head><style>.m{display:none}@media (max-width:480px){.d{display:none!important}.m{display:block!important}}</style></head>
      <body><div class="d"><table><tr><td>Total</td><td>120,00 kr</td></tr></table></div>
      <div class="m" style="display:none;max-height:0;overflow:hidden;mso-hide:all"><p>Total 999,00 kr</p></div></body></html>`;
    expect(extract(html, 'shop').base.total_amount).toBe(120);
  });
});

describe('quoted-printable without =3D', () => {
  it('decodes a plain-text body by its encoded UTF-8 letters', () => {
    expect(repairQuotedPrintable('Tack f=C3=B6r din best=C3=A4llning!')).toBe('Tack för din beställning!');
  });

  it('leaves a single lookalike alone', () => expect(repairQuotedPrintable('code =C3=A4 once')).toBe('code =C3=A4 once'));
});

describe('dates in five languages', () => {
  it.each([
    ['14. März 2025', '2025-03-14'],
    ['Sa, 8. März 2025, 10:14', '2025-03-08'],
    ['14. marts 2025', '2025-03-14'],
    ['5. desember 2024', '2024-12-05'],
    ['3. Dezember 2024', '2024-12-03'],
    ['Tue, 11 Feb 25 · 19:42', '2025-02-11'],
    ['21MAR25 07:10', '2025-03-21'],
    ['14-Mar-2025', '2025-03-14'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads a date without a year only with its weekday and a reference date', () => {
    expect(parseDate('fre 14 mars kl. 18:12')).toBeNull();
    expect(findDate('fre 14 mars kl. 18:12', '2025-03-21')?.iso).toBe('2025-03-14');
    expect(findDate('fre 14 mars 08:05', '2025-03-11')?.iso).toBe('2025-03-14');
    // 14 March 2026 is a Saturday: the weekday picks 2025 even from a 2026 reference.
    expect(findDate('fre 14 mars', '2026-01-10')?.iso).toBe('2025-03-14');
    expect(findDate('14 mars 18:12', '2025-03-21')).toBeNull();
  });
});

describe('identifiers and payment methods as shops write them', () => {
  it.each([
    ['5112 3344 8812', '5112 3344 8812'],
    ['88 1234 5678', '88 1234 5678'],
    ['12345 2025-03-14', '12345'],
    ['4410 2281 10:30', '4410 2281'],
  ])('%s → %s', (text, id) => expect(parseIdentifier(text)).toBe(id));

  it('does not read an amount as a grouped id', () => expect(parseIdentifier('1 299 kr')).toBeNull());

  it.each([
    ['Visa – 4242', 'Visa **** 4242'],
    ['Mastercard endet mit 5454', 'Mastercard **** 5454'],
    ['Amex ending in 1005', 'American Express **** 1005'],
  ])('%s → %s', (text, method) => expect(parsePaymentMethod(text)).toBe(method));
});

describe('currency from markers and language', () => {
  it.each([
    ['8 990,-', 'KR'],
    ['49,- €', 'EUR'],
    ['222,00 kr.', 'KR'],
  ])('%s → %s', (text, marker) => expect(currencyMarkerIn(text)).toBe(marker));

  it('resolves a krona by explicit codes, then language, then Danish "kr."', () => {
    expect(resolveKrona(new Map([['SEK', 1]]), 'da')).toBe('SEK');
    expect(resolveKrona(new Map(), 'nb')).toBe('NOK');
    expect(resolveKrona(new Map(), 'da')).toBe('DKK');
    expect(resolveKrona(new Map(), null, 'I alt 222,00 kr.')).toBe('DKK');
    expect(resolveKrona(new Map(), null, 'Totalt 222,00 kr')).toBe('SEK');
  });

  it('detects the language from lang, or from the words when lang is missing or "en"', () => {
    expect(detectLanguage('anything', 'nb-NO')).toBe('nb');
    expect(detectLanguage('Tak for din ordre. I alt 499,00. Venlig hilsen', 'en')).toBe('da');
    expect(detectLanguage('Vielen Dank für Ihre Bestellung. Gesamt 12,00 €', null)).toBe('de');
  });

  it('gives DKK to a Danish receipt in kr. and NOK to a Norwegian one in ,-', () => {
    const da = '<html lang="da"><body><table><tr><td>I alt</td><td>222,00 kr.</td></tr></table></body></html>';
    const nb = '<html><body><p>Takk for bestillingen!</p><table><tr><td>Totalt å betale</td><td>9 388,-</td></tr><tr><td>Herav MVA</td><td>1 877,60</td></tr></table></body></html>';
    expect(extract(da, 'shop').base).toMatchObject({ total_amount: 222, currency: 'DKK' });
    expect(extract(nb, 'shop').base).toMatchObject({ total_amount: 9388, currency: 'NOK' });
  });
});

describe('the vendor is the brand the mail shows, not a mail service', () => {
  it.each(['gmail', 'outlook', 'shopifyemail', 'stripe', 'co', 'mcsv'])('%s is a mail service slug', (slug) => expect(isMailServiceSlug(slug)).toBe(true));
  it.each(['deliveroo', 'ikea', 'hm'])('%s is a shop', (slug) => expect(isMailServiceSlug(slug)).toBe(slug === 'hm'));

  it.each([
    ['a forward "From" display name', '<div>---------- Forwarded message ---------<br>From: <b>Acme Shop</b> &lt;orders@acme.example&gt;<br>Date: Mon, 3 Mar 2025</div>', 'Acme Shop'],
    ['an Outlook "Från" line', '<div id="divRplyFwdMsg"><b>Från:</b> Bokhandeln &lt;order@bokhandeln.example&gt;<br><b>Skickat:</b> den 3 mars 2025</div>', 'Bokhandeln'],
    ['a logo alt with "logo"', '<img src="l.png" alt="Brightline logo" width="120"><p>Hi</p>', 'Brightline'],
    ['a logo title when alt is empty', '<img src="l.png" alt="" title="Nordhem" width="120"><p>Hi</p>', 'Nordhem'],
    ['"Receipt from" without the legal form', '<table><tr><td>Receipt from Acme Labs, Inc.</td></tr></table>', 'Acme Labs'],
    ['a German team sign-off', '<p>Mit freundlichen Grüßen, Ihr Technikwerk-Team</p>', 'Technikwerk'],
    ['a greeting with the name on the next line', '<p>Vänliga hälsningar,<br>Blomsterboden</p>', 'Blomsterboden'],
  ])('from %s', (_what, html, brand) => expect(findBrand(readTextDocument(html))).toBe(brand));

  it('skips a forward "From" that is a person at a mailbox provider, for the logo', () => {
    const html = '<div>---------- Forwarded message ---------<br>From: Anna Svensson &lt;anna.s@hotmail.com&gt;</div><img alt="Kaffebolaget" width="90"><p>Totalt 99 kr</p>';
    expect(extract(html).base.vendor_name).toBe('Kaffebolaget');
  });

  it('ignores generic and payment-brand images and "Powered by Stripe"', () => {
    const html = '<img alt="Logo" width="100"><img alt="Visa" width="40"><p>Receipt from Pixelforge</p><p>Powered by Stripe</p>';
    expect(extract(html, 'stripe').base.vendor_name).toBe('Pixelforge');
  });

  it('keeps the slug display name when the slug is a shop the HTML names', () => {
    expect(extract('<img alt="Shopify" width="90"><p>Thanks for shopping at Jack &amp; Jones</p>', 'jack&jones').base.vendor_name).toBe('Jack & Jones');
  });
});

describe('stacked layouts and detail records', () => {
  it('reads a 2×2 grid of labels over values', () => {
    const html = '<table><tr><td>Order number<br>A100234</td><td>Order date<br>12 March 2025</td></tr><tr><td>Payment<br>Visa •••• 4242</td><td>Total<br>£ 42.50</td></tr></table>';
    const { base, extras } = extract(html, 'shopifyemail', 'clothing');
    expect(base).toMatchObject({ order_id: 'A100234', invoice_date: '2025-03-12', total_amount: 42.5, currency: 'GBP' });
    expect(extras).toMatchObject({ payment_method: 'Visa **** 4242', items: [] });
  });

  it('reads cards of unequal height column by column', () => {
    const html = '<table><tr><td><p>Bestellnummer</p><p>5112 3344 8812</p><p>Datum</p><p>14.03.2025</p><p>Zahlungsart</p><p>PayPal</p></td><td><p>Gesamtbetrag</p><p>49,90 €</p></td></tr></table>';
    expect(extract(html, 'outlook', 'technology').base).toMatchObject({ order_id: '5112 3344 8812', invoice_date: '2025-03-14', total_amount: 49.9, currency: 'EUR' });
  });

  it('reads a Stripe period under the line item as the billing duration', () => {
    const html = '<table><tr><td>Team plan × 1<br>Mar 1 – Apr 1, 2025</td><td>$12.00</td></tr><tr><td>Amount paid</td><td>$12.00</td></tr></table>';
    expect(extract(html, 'stripe', 'subscriptions').extras).toMatchObject({ duration: 'monthly' });
  });

  it('reads a plain-text forward whose From line has an <address>', () => {
    const text = '---------- Forwarded message ---------\nFrom: Acme Shop <orders@acme-shop.example>\nDate: Mon, 3 Mar 2025 at 14:02\n\nOrder number: 4411-2290\nGrand total:   499,00 kr\n';
    expect(extract(text).base).toEqual({ vendor_name: 'Acme Shop', total_amount: 499, currency: 'SEK', invoice_date: '2025-03-03', order_id: '4411-2290' });
  });

  it('reads legs from a From | To | Departure | Arrival table, one per row', () => {
    const html = `<img alt="Nordflyg" width="100"><p>Booking reference: NF4K2P</p><table>
      <tr><th>From</th><th>To</th><th>Departure</th><th>Arrival</th></tr>
      <tr><td>Stockholm (ARN)</td><td>Oslo (OSL)</td><td>12 Apr 2025 08:00</td><td>12 Apr 2025 09:05</td></tr>
      <tr><td>Oslo (OSL)</td><td>Stockholm (ARN)</td><td>15 Apr 2025 18:30</td><td>15 Apr 2025 19:35</td></tr></table>
      <p>Passengers</p><p>CLARKE/EMMA MS</p><p>CLARKE/TOM MR</p><p>Total paid: 1 980 kr</p>`;
    const { base, extras } = extract(html, 'co', 'travel');
    expect(base).toMatchObject({ vendor_name: 'Nordflyg', total_amount: 1980, order_id: 'NF4K2P' });
    expect(extras).toEqual({
      transport_type: 'flight',
      transport_company: 'Nordflyg',
      booking_reference: 'NF4K2P',
      travel_details: [
        { departure_location: 'Stockholm (ARN)', arrival_location: 'Oslo (OSL)', departure_date: '2025-04-12', arrival_date: '2025-04-12' },
        { departure_location: 'Oslo (OSL)', arrival_location: 'Stockholm (ARN)', departure_date: '2025-04-15', arrival_date: '2025-04-15' },
      ],
      passengers: [{ name: 'Emma Clarke' }, { name: 'Tom Clarke' }],
    });
  });

  it('takes a leg date from its route line when a departure and an arrival time share it', () => {
    const html = '<p>2025-04-12 Stockholm C 08:05 → Göteborg C 11:10</p><p>Resenär: Karin Lind (Vuxen)</p><p>Totalt: 495 kr</p>';
    expect(extract(html, 'sj', 'travel').extras).toMatchObject({
      travel_details: [{ departure_location: 'Stockholm C', arrival_location: 'Göteborg C', departure_date: '2025-04-12', arrival_date: '2025-04-12' }],
      passengers: [{ name: 'Karin Lind' }],
    });
  });

  it('reads weighed and counted grocery quantities with their unit prices', () => {
    const html = `<table><tr><td>Bananer</td><td>25,45</td></tr><tr><td>1,02 kg x 24,95 kr/kg</td></tr>
      <tr><td>Mjölk</td><td>2 st à 16,90</td><td>33,80</td></tr><tr><td>2 × Bröd</td><td>50,00</td></tr><tr><td>Totalt</td><td>109,25 kr</td></tr></table>`;
    expect(extract(html, 'ica', 'grocery').extras.items).toEqual([
      { name: 'Bananer', price: 25.45, quantity: 1.02, unit: 'kg', category: null },
      { name: 'Mjölk', price: 33.8, quantity: 2, unit: 'st', category: null },
      { name: 'Bröd', price: 50, quantity: 2, unit: null, category: null },
    ]);
  });

  it('names a Shopify shop that has no logo by the name set at the top', () => {
    const html = '<table><tr><td><h1><a href="https://x.example">Lilla Lampbutiken</a></h1></td><td>Order #1001</td></tr></table><h2>Thank you for your purchase!</h2><table><tr><td>Total</td><td>kr 549,00 SEK</td></tr></table>';
    expect(extract(html, 'shopifyemail').base).toMatchObject({ vendor_name: 'Lilla Lampbutiken', order_id: '1001', total_amount: 549, currency: 'SEK' });
  });

  it('reads items whose name and price columns are separate tables (MJML mj-columns), not fees or tips', () => {
    const section = (left: string, right: string) =>
      `<div class="mj-column-per-70"><table><tr><td><div>${left}</div></td></tr></table></div><div class="mj-column-per-30"><table><tr><td><div>${right}</div></td></tr></table></div>`;
    const html = `<img alt="Wokbox" width="90">${section('2x Pad Thai</div><div>Tofu', '£19.00')}${section('Spring rolls', '£4.50')}${section('Service fee', '£0.99')}${section('Rider tip', '£1.00')}${section('Total', '£25.49')}`;
    const { base, extras } = extract(html, 'co', 'food-delivery');
    expect(base).toMatchObject({ vendor_name: 'Wokbox', total_amount: 25.49, currency: 'GBP' });
    expect(extras.items).toEqual([
      { name: 'Pad Thai', description: 'Tofu', price: 19, quantity: 2 },
      { name: 'Spring rolls', description: null, price: 4.5, quantity: 1 },
    ]);
  });
});
