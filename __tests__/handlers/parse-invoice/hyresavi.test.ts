import { parseHyresavi, parseHyresaviLines } from '../../../handlers/parse-invoice/core/hyresavi';
import { toRentalInvoiceRecord, type RentalInvoiceRecord } from '../../../handlers/parse-invoice/core/rental-record';
import { groupLines, type TextItem } from '../../../handlers/parse-invoice/core/layout';
import { extractPdfText } from '../../../handlers/parse-invoice/core/pdf-text';
import { InvoiceParseError } from '../../../handlers/shared/errors';
import { BASE_FIXTURE, baseFixtureRecord, hyresaviPdf, type HyresaviFixture } from '../../../tools/fixtures/hyresavi-pdf';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

installPdfjsWorker();

const IDENTITY = { userId: 'user_1', invoiceId: 'Invoice_1297534008', filename: 'Hyresavi_1297534008' };

const BASE_RECORD: RentalInvoiceRecord = baseFixtureRecord({ userId: 'user_1' });

async function recordOf(fixture: HyresaviFixture): Promise<RentalInvoiceRecord> {
  return toRentalInvoiceRecord(parseHyresavi(await extractPdfText(await hyresaviPdf(fixture))), IDENTITY);
}

const variants: Array<[string, HyresaviFixture, RentalInvoiceRecord]> = [
  ['row-ordered text stream', BASE_FIXTURE, BASE_RECORD],
  ['column-ordered text stream (all labels, then all amounts)', { ...BASE_FIXTURE, order: 'columns' }, BASE_RECORD],
  ['rows written bottom-up', { ...BASE_FIXTURE, order: 'reversed' }, BASE_RECORD],
  [
    'no El line',
    { ...BASE_FIXTURE, rows: BASE_FIXTURE.rows.filter((r) => !String(r.label).startsWith('El')), total: '8 568', order: 'columns' },
    { ...BASE_RECORD, El: 0, 'Total Amount': 8568 },
  ],
  [
    'extra lines: parking, storage and retroactive rent',
    {
      ...BASE_FIXTURE,
      rows: [
        ...BASE_FIXTURE.rows.slice(0, 4),
        { label: 'Parkering P-plats 12', amount: '450' },
        { label: 'Förråd 3', amount: '100' },
        { label: 'Retroaktiv hyra avser 2402', amount: '150' },
        BASE_FIXTURE.rows[4],
      ],
      total: '9 568',
      order: 'columns',
    },
    { ...BASE_RECORD, 'Total Amount': 9568, 'Parkering P-plats 12': '450', 'Förråd 3': '100' },
  ],
  [
    'decimals and kr suffixes',
    {
      ...BASE_FIXTURE,
      rows: [
        { label: 'Hyra', amount: '8 123,50 kr' },
        { label: 'Kallvatten 2025-01-01 - 2025-01-31', amount: '120,25 kr' },
        { label: 'Varmvatten 2025-01-01 - 2025-01-31', amount: '250,05 kr' },
        { label: 'El enligt mätning', amount: '1 300,10 kr' },
        { label: 'Parkering', amount: '450,50 kr' },
        { label: 'Mervärdesskatt 25%', amount: '75,00 kr' },
      ],
      moms: '75,00 kr',
      total: '10 244,40 kr',
    },
    { ...BASE_RECORD, Hyra: 8123.5, Kallvatten: 120.25, Varmvatten: 250.05, El: 1300.1, Moms: 75, 'Total Amount': 10244.4, Parkering: '450,50' },
  ],
  ['total beside its label', { ...BASE_FIXTURE, totalPlacement: 'beside' }, BASE_RECORD],
  [
    'labels wrapped over two lines, amount on the first, last or middle line',
    {
      ...BASE_FIXTURE,
      rows: [
        { label: 'Hyra', amount: '8 123' },
        { label: ['Kallvatten', '2025-01-01 - 2025-01-31'], amount: '120', align: 'first' },
        { label: ['Varmvatten', '2025-01-01 - 2025-01-31'], amount: '250', align: 'last' },
        { label: ['El enligt mätning', '2025-01-01 - 2025-01-31'], amount: '300', align: 'center' },
        { label: ['Parkering garage', 'plats 12'], amount: '450', align: 'last' },
        { label: 'Mervärdesskatt 25%', amount: '75' },
      ],
      total: '9 318',
    },
    { ...BASE_RECORD, 'Total Amount': 9318, 'Parkering garage plats 12': '450' },
  ],
  [
    'another font, size and table position',
    { ...BASE_FIXTURE, font: 'TimesRoman', fontSize: 12, tableTop: 320, amountRight: 545, totalPlacement: 'beside' },
    BASE_RECORD,
  ],
  ['every word its own text item, column-ordered', { ...BASE_FIXTURE, splitWords: true, order: 'columns' }, BASE_RECORD],
  ['label and amount written as one padded string per row', { ...BASE_FIXTURE, joinedRows: true }, BASE_RECORD],
  [
    'no Moms line, dotted thousands and a negative credit',
    {
      ...BASE_FIXTURE,
      moms: undefined,
      rows: [{ label: 'Hyra', amount: '8.123,00' }, { label: 'Kallvatten', amount: '120,00' }, { label: 'Kreditering', amount: '-100,00' }],
      total: '8.143,00',
    },
    (() => {
      const { Moms: _moms, ...rest } = BASE_RECORD;
      return { ...rest, Hyra: 8123, Kallvatten: 120, Varmvatten: 0, El: 0, 'Total Amount': 8143, Kreditering: '-100,00' };
    })(),
  ],
];

describe('Hyresavi PDF → RentalInvoices record', () => {
  it.each(variants)('%s', async (_name, fixture, expected) => {
    expect(await recordOf(fixture)).toEqual(expected);
  });

  it('keeps amounts as numbers and the GSI keys as strings', async () => {
    const record = await recordOf({ ...BASE_FIXTURE, dueDate: '2025-11-05' });
    expect(record).toMatchObject({ 'Due Date': '05-11-2025', due_date_month: '11', due_date_year: '2025' });
    expect(typeof record.Hyra).toBe('number');
    expect(typeof record['Total Amount']).toBe('number');
  });

  it.each([
    ['OCR', { ...BASE_FIXTURE, ocr: undefined }],
    ['Due Date', { ...BASE_FIXTURE, dueDate: undefined }],
    ['Total Amount', { ...BASE_FIXTURE, total: undefined }],
  ])('names the missing field %s', async (field, fixture) => {
    const items = await extractPdfText(await hyresaviPdf(fixture));
    const error = (() => {
      try {
        parseHyresavi(items);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvoiceParseError);
    expect((error as InvoiceParseError).code).toBe('INVOICE_PARSE_ERROR');
    expect((error as InvoiceParseError).context).toEqual({ field });
    expect((error as Error).message).toContain(`missing ${field}`);
  });
});

/** Positioned items written directly, for layouts pdf-lib does not produce. */
function item(text: string, x: number, y: number, width = text.length * 5, height = 10): TextItem {
  return { text, x, y, width, height };
}

const HEADER: TextItem[] = [
  item('# 5550001112 #', 60, 780),
  item('Förfallodatum:', 60, 640),
  item('2025-06-30', 140, 640),
];

describe('parseHyresaviLines (positioned text without a PDF)', () => {
  it('reads text drawn one glyph at a time', () => {
    const glyphs = (text: string, x: number, y: number) => [...text].map((ch, i) => item(ch, x + i * 5, y, 5));
    const items = [
      ...HEADER,
      ...glyphs('Hyra', 60, 300),
      ...glyphs('7 000', 455, 300),
      ...glyphs('Kallvatten', 60, 315),
      ...glyphs('90', 470, 315),
      ...glyphs('Totalt att betala:', 60, 340),
      ...glyphs('7 090', 455, 340),
    ];
    const invoice = parseHyresavi(items);
    expect(invoice).toEqual({
      ocr: '5550001112',
      dueDate: '2025-06-30',
      totalAmount: 7090,
      breakdown: [
        { label: 'Hyra', amount: 7000, amountText: '7 000' },
        { label: 'Kallvatten', amount: 90, amountText: '90' },
      ],
    });
  });

  it('reads the due date and total printed below their labels, and ignores text beside the table', () => {
    const items = [
      item('# 5550001112 #', 60, 780),
      item('Förfallodatum', 380, 200),
      item('2025-06-30', 380, 214),
      item('Hyra', 60, 300),
      item('7 000', 455, 300, 25),
      item('Kundtjänst 031-20 00 00', 520, 300),
      item('El enligt mätning', 60, 315),
      item('1 250,50', 440, 315, 40),
      item('Totalt att betala:', 60, 345),
      item('8 250,50 kr', 60, 362),
    ];
    const invoice = parseHyresaviLines(groupLines(items));
    expect(invoice.dueDate).toBe('2025-06-30');
    expect(invoice.totalAmount).toBe(8250.5);
    expect(invoice.breakdown).toEqual([
      { label: 'Hyra', amount: 7000, amountText: '7 000' },
      { label: 'El enligt mätning', amount: 1250.5, amountText: '1 250,50' },
    ]);
  });

  it('reads a total written in the same text item as its label, with other cells beside it', () => {
    const items = [
      ...HEADER,
      item('Hyra', 60, 300),
      item('7 000', 455, 300, 25),
      item('Totalt att betala: 7 000 kr', 60, 330),
      item('Bankgiro 5050-1055', 300, 330),
      item('Kundnummer 40211', 60, 350),
    ];
    expect(parseHyresavi(items).totalAmount).toBe(7000);
  });

  it('rejects a document with no text', () => {
    expect(() => parseHyresaviLines([])).toThrow(InvoiceParseError);
  });
});

describe('toRentalInvoiceRecord', () => {
  const invoice = { ocr: '1297534008', dueDate: '2025-03-01', totalAmount: 100, breakdown: [] as { label: string; amount: number; amountText: string }[] };

  it('adds up two lines of one kind and keeps repeated other labels apart', () => {
    const record = toRentalInvoiceRecord(
      {
        ...invoice,
        breakdown: [
          { label: 'Kallvatten jan', amount: 10.1, amountText: '10,10' },
          { label: 'Kallvatten feb', amount: 20.2, amountText: '20,20' },
          { label: 'Parkering', amount: 5, amountText: '5' },
          { label: 'Parkering', amount: 6, amountText: '6' },
          { label: 'Mervärdesskatt 25%', amount: 1, amountText: '1' },
          { label: 'Retroaktiv hyra avser 2403', amount: 2, amountText: '2' },
        ],
      },
      IDENTITY,
    );
    expect(record).toEqual({
      UserID: 'user_1',
      InvoiceID: 'Invoice_1297534008',
      Filename: 'Hyresavi_1297534008',
      OCR: '1297534008',
      'Due Date': '01-03-2025',
      due_date_month: '3',
      due_date_year: '2025',
      'Total Amount': 100,
      Hyra: 0,
      Kallvatten: 30.3,
      Varmvatten: 0,
      El: 0,
      Parkering: '5',
      'Parkering (2)': '6',
    });
  });

  it('never lets a breakdown label overwrite a record attribute', () => {
    const record = toRentalInvoiceRecord({ ...invoice, breakdown: [{ label: 'OCR', amount: 1, amountText: '1' }] }, IDENTITY);
    expect(record.OCR).toBe('1297534008');
  });
});
