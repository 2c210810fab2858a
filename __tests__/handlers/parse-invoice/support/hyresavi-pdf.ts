import type { RentalInvoiceRecord } from '../../../../handlers/parse-invoice/hyresavi';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** One breakdown row: a label (several strings = a label wrapped over lines) and its amount. */
export interface FixtureRow {
  readonly label: string | readonly string[];
  readonly amount: string;
  /** Which label line the amount sits on when the label wraps. @default 'first' */
  readonly align?: 'first' | 'last' | 'center';
}

/**
 * A Wallenstam-style Hyresavi: header, breakdown table (labels left, amounts
 * right-aligned), `Moms:`, `Totalt att betala:` and a payment slip at the bottom
 * with `Förfallodatum:` and the OCR line.
 */
export interface HyresaviFixture {
  readonly ocr?: string;
  readonly dueDate?: string;
  readonly rows: readonly FixtureRow[];
  readonly moms?: string;
  readonly total?: string;
  /** @default 'below' */
  readonly totalPlacement?: 'beside' | 'below';
  /** The order text is written in: row by row, or all labels then all amounts. @default 'rows' */
  readonly order?: 'rows' | 'columns' | 'reversed';
  /** @default 'Helvetica' */
  readonly font?: 'Helvetica' | 'TimesRoman' | 'Courier';
  /** @default 10 */
  readonly fontSize?: number;
  /** Where the table starts (points from the top) and where the amount column ends. */
  readonly tableTop?: number;
  readonly amountRight?: number;
  /** Writes each label as separate words, a few points apart, like some producers do. */
  readonly splitWords?: boolean;
  /** Writes label and amount as one padded string per row. */
  readonly joinedRows?: boolean;
}

const PAGE = { width: 595, height: 842 };

interface Draw {
  readonly text: string;
  readonly x: number;
  readonly top: number;
}

function rightAligned(font: PDFFont, size: number, text: string, right: number): number {
  return right - font.widthOfTextAtSize(text, size);
}

function draw(page: PDFPage, font: PDFFont, size: number, d: Draw): void {
  page.drawText(d.text, { x: d.x, y: PAGE.height - d.top, size, font });
}

export async function hyresaviPdf(spec: HyresaviFixture): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setProducer('fixture');
  doc.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const font = await doc.embedFont(StandardFonts[spec.font ?? 'Helvetica']);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const size = spec.fontSize ?? 10;
  const leading = size * 1.5;
  const labelX = 60;
  const amountRight = spec.amountRight ?? 480;
  const top = spec.tableTop ?? 260;

  // Header.
  draw(page, bold, 16, { text: 'Hyresavi', x: 60, top: 70 });
  draw(page, font, size, { text: 'Wallenstam AB', x: 380, top: 70 });
  draw(page, font, size, { text: 'Kundnummer 40211', x: 60, top: 110 });
  draw(page, font, size, { text: 'Objekt 1101-0304', x: 60, top: 125 });
  draw(page, font, size, { text: 'Anna Andersson', x: 360, top: 110 });
  draw(page, font, size, { text: 'Storgatan 1', x: 360, top: 125 });
  draw(page, font, size, { text: '411 38 Göteborg', x: 360, top: 140 });
  draw(page, bold, size, { text: 'Specifikation', x: labelX, top: top - 2 * leading });
  draw(page, font, size, { text: 'Avser perioden 2025-04-01 - 2025-04-30', x: labelX, top: top - leading });

  // Breakdown: compute every draw first, then write in the requested order.
  const labels: Draw[] = [];
  const amounts: Draw[] = [];
  const rowDraws: Draw[][] = [];
  let y = top;
  for (const row of spec.rows) {
    const lines = typeof row.label === 'string' ? [row.label] : row.label;
    const align = row.align ?? 'first';
    const amountTop = align === 'first' ? y : align === 'last' ? y + (lines.length - 1) * size * 1.2 : y + ((lines.length - 1) * size * 1.2) / 2;
    const amount: Draw = { text: row.amount, x: rightAligned(font, size, row.amount, amountRight), top: amountTop };
    const rowLabels = lines.map((text, i) => ({ text, x: labelX + (i > 0 ? 8 : 0), top: y + i * size * 1.2 }));
    if (spec.joinedRows && lines.length === 1) {
      const gap = amount.x - (labelX + font.widthOfTextAtSize(lines[0], size));
      const pad = ' '.repeat(Math.max(2, Math.round(gap / font.widthOfTextAtSize(' ', size))));
      rowDraws.push([{ text: `${lines[0]}${pad}${row.amount}`, x: labelX, top: y }]);
    } else {
      labels.push(...rowLabels);
      amounts.push(amount);
      rowDraws.push([...rowLabels, amount]);
    }
    y += lines.length * size * 1.2 + (leading - size * 1.2);
  }
  const writeLabel = (d: Draw) => {
    if (!spec.splitWords) return draw(page, font, size, d);
    let x = d.x;
    for (const word of d.text.split(' ')) {
      draw(page, font, size, { ...d, text: word, x });
      x += font.widthOfTextAtSize(word + ' ', size);
    }
  };
  if (spec.order === 'columns' && !spec.joinedRows) {
    labels.forEach(writeLabel);
    amounts.forEach((d) => draw(page, font, size, d));
  } else {
    const rows = spec.order === 'reversed' ? [...rowDraws].reverse() : rowDraws;
    for (const row of rows) row.forEach((d, i) => (i === row.length - 1 && row.length > 1 ? draw(page, font, size, d) : writeLabel(d)));
  }

  y += leading / 2;
  if (spec.moms !== undefined) {
    draw(page, font, size, { text: `Moms: ${spec.moms}`, x: labelX, top: y });
    y += leading;
  }
  if (spec.total !== undefined) {
    draw(page, bold, size, { text: 'Totalt att betala:', x: labelX, top: y });
    if (spec.totalPlacement === 'beside') {
      draw(page, bold, size, { text: spec.total, x: rightAligned(bold, size, spec.total, amountRight), top: y });
    } else {
      draw(page, bold, size, { text: spec.total, x: labelX, top: y + 2 * size });
    }
  }

  // Payment slip.
  const slipTop = 640;
  if (spec.dueDate !== undefined) draw(page, font, size, { text: `Förfallodatum: ${spec.dueDate}`, x: 60, top: slipTop });
  draw(page, font, size, { text: 'Bankgiro 5050-1055', x: 300, top: slipTop });
  draw(page, font, size, { text: 'Betalningsmottagare Wallenstam AB', x: 60, top: slipTop + 20 });
  if (spec.ocr !== undefined) {
    const kronor = (spec.total ?? '0').replace(/\D/g, '');
    draw(page, font, size, { text: `# ${spec.ocr} #`, x: 60, top: 790 });
    draw(page, font, size, { text: `${kronor} 00   5 >`, x: 220, top: 790 });
    draw(page, font, size, { text: '50501055#41#', x: 380, top: 790 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A realistic base invoice; variants override parts of it. */
export const BASE_FIXTURE: HyresaviFixture = {
  ocr: '1297534008',
  dueDate: '2025-03-31',
  rows: [
    { label: 'Hyra', amount: '8 123' },
    { label: 'Kallvatten 2025-01-01 - 2025-01-31', amount: '120' },
    { label: 'Varmvatten 2025-01-01 - 2025-01-31', amount: '250' },
    { label: 'El enligt mätning 2025-01-01 - 2025-01-31', amount: '300' },
    { label: 'Mervärdesskatt 25%', amount: '75' },
  ],
  moms: '75',
  total: '8 868',
};

/** The record BASE_FIXTURE parses to, as stored in RentalInvoices (written out by hand, so tests can fail). */
export function baseFixtureRecord(ids: { userId: string; invoiceId?: string; filename?: string }): RentalInvoiceRecord {
  return {
    UserID: ids.userId,
    InvoiceID: ids.invoiceId ?? 'Invoice_1297534008',
    OCR: '1297534008',
    'Due Date': '31-03-2025',
    due_date_month: '3',
    due_date_year: '2025',
    'Total Amount': 8868,
    Hyra: 8123,
    Kallvatten: 120,
    Varmvatten: 250,
    El: 300,
    Moms: 75,
    Filename: ids.filename ?? 'Hyresavi_1297534008',
  };
}
