import { EmptyDocumentError, InvoiceParseError, ObjectTooLargeError } from '../../../handlers/shared/errors';
import { extractReceipt } from '../../../handlers/parse-retail-invoice/core/extract-receipt';
import { MAX_DEPTH } from '../../../handlers/parse-retail-invoice/core/text-lines';
import { MAX_OPEN_ELEMENTS, flattenDeepNesting } from '../../../handlers/parse-retail-invoice/core/nesting-guard';

const context = { subType: 'miscellaneous' as const, vendorSlug: 'acme', fallbackDate: '2025-03-14' };

describe('extractReceipt on hostile and malformed input', () => {
  it('refuses 5 MB of nested divs with ObjectTooLargeError', () => {
    const html = '<div>'.repeat(1_000_000) + 'Totalt 10 kr';
    expect(html.length).toBeGreaterThan(5_000_000);
    expect(() => extractReceipt(html, context)).toThrow(ObjectTooLargeError);
  });

  it('reads through 1.5 MB of nested divs without blowing the stack, and keeps the text at the bottom', () => {
    const html = '<p>Ordernummer A-1</p>' + '<div>'.repeat(300_000) + 'Totalt 99 kr';
    const { base } = extractReceipt(html, context);
    expect(base.total_amount).toBe(99);
  });

  // Issue 13: a receipt nested 100,000 tags deep with a total was answered 200 rejected_zero_amount.
  it.each([
    ['div', 100_000, '<div>', '</div>'],
    ['span', 100_000, '<span>', '</span>'],
    ['unclosed div', 100_000, '<div>', ''],
    ['b and i', 50_000, '<b><i>', '</i></b>'],
    ['table', 50_000, '<table><tr><td>', '</td></tr></table>'],
  ])('extracts the total of a receipt nested %s × %i deep', (_what, depth, open, close) => {
    const html = `<html><body>${open.repeat(depth)}<p>Ordernummer A-77</p><p>Totalt 212,00 kr</p>${close.repeat(depth)}</body></html>`;
    expect(extractReceipt(html, context).base).toMatchObject({ total_amount: 212, order_id: 'A-77' });
  });

  it('flattens below the depth the text reader walks to, so nothing kept is skipped later', () => {
    expect(MAX_OPEN_ELEMENTS).toBeLessThan(MAX_DEPTH / 1.5);
  });

  it('refuses a receipt with more elements than the reader visits and no total within them (InvoiceParseError, not "no total")', () => {
    const html = `<html><body>${'<i>x</i>'.repeat(120_000)}<p>Totalt 212,00 kr</p></body></html>`;
    expect(() => extractReceipt(html, context)).toThrow(InvoiceParseError);
    expect(() => extractReceipt(html, context)).toThrow(/cannot be read completely/);
  });

  it('survives 10,000 nested tables', () => {
    const html = '<table><tr><td>'.repeat(10_000) + 'Att betala 5 kr' + '</td></tr></table>'.repeat(10_000) + '<p>Att betala 7 kr</p>';
    expect(extractReceipt(html, context).base.total_amount).toBe(7);
  });

  it('keeps content at moderate depth', () => {
    const depth = MAX_DEPTH - 20;
    const html = '<div>'.repeat(depth) + 'Att betala 42 kr' + '</div>'.repeat(depth);
    expect(extractReceipt(html, context).base.total_amount).toBe(42);
  });

  it('copes with unclosed tags', () => {
    const html = '<html><body><table><tr><td>Ordernummer<td>A-12345<tr><td>Totalt<td>129,00 kr<p>Tack <b>för <i>ditt köp';
    expect(extractReceipt(html, context).base).toMatchObject({ total_amount: 129, order_id: 'A-12345', currency: 'SEK' });
  });

  it('ignores numbers in script, style and noscript blocks', () => {
    const html = '<style>.t:after{content:"Totalt 500 kr"}</style><script>document.write("Att betala 900 kr")</script><noscript>Att betala 1 kr</noscript><p>Totalt 20 kr</p>';
    expect(extractReceipt(html, context).base.total_amount).toBe(20);
  });

  it('rejects binary labelled as HTML with InvoiceParseError', () => {
    const binary = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]);
    expect(() => extractReceipt(binary, context)).toThrow(InvoiceParseError);
  });

  it('rejects invalid UTF-8 noise with InvoiceParseError', () => {
    const noise = Buffer.alloc(4000, 0xc3);
    expect(() => extractReceipt(noise, context)).toThrow(InvoiceParseError);
  });

  it.each([
    ['zero bytes', Buffer.alloc(0), /empty \(0 bytes\)/],
    ['an empty string', '', /empty \(0 bytes\)/],
    ['whitespace only', ' \n\t\n', /no visible text/],
    ['markup with no text', '<html><head><title></title></head><body><div> </div></body></html>', /no visible text/],
    ['only a script', '<script>var total = 212;</script>', /no visible text/],
  ])('refuses %s with EmptyDocumentError (a typed permanent error, never a 200)', (_what, body, message) => {
    expect(() => extractReceipt(body, context)).toThrow(EmptyDocumentError);
    expect(() => extractReceipt(body, context)).toThrow(message);
  });

  it('reads plain text that is not HTML', () => {
    const text = 'Kvitto\nDatum: 2025-03-10\nTOTALT        55,00\n';
    expect(extractReceipt(text, context).base).toMatchObject({ total_amount: 55, invoice_date: '2025-03-10' });
  });
});

describe('flattenDeepNesting', () => {
  it('drops tags that open deeper than the limit, with their close tags, and keeps the text', () => {
    expect(flattenDeepNesting('<div><div><div>x</div></div></div><p>y</p>', 2)).toBe('<div><div>x</div></div><p>y</p>');
  });

  it('leaves a document within the limit unchanged', () => {
    const html = '<table><tr><td>a<br>b</td></tr></table><p>c';
    expect(flattenDeepNesting(html, 10)).toBe(html);
  });
});
