import { parseHyresavi } from '../../../handlers/parse-invoice/core/hyresavi';
import { toRentalInvoiceRecord } from '../../../handlers/parse-invoice/core/rental-record';
import { extractPdfText } from '../../../handlers/parse-invoice/core/pdf-text';
import { loadCorpus, scoreFields, type FieldScore } from '../../support/hyresavi-corpus';
import { installPdfjsWorker } from '../../support/pdfjs-worker';

installPdfjsWorker();

/** Hyresavi PDFs made by LibreOffice, Chromium, wkhtmltopdf, ps2pdf, groff, enscript, Ghostscript and qpdf (see the corpus README). */
const corpus = loadCorpus();
const scores = new Map<string, FieldScore>();

async function recordOf(pdf: Buffer, name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return toRentalInvoiceRecord(parseHyresavi(await extractPdfText(pdf)), { userId: 'corpus', invoiceId: `Invoice_${name}`, filename: name });
  } catch {
    return undefined;
  }
}

describe('Hyresavi corpus from real producers', () => {
  it('has documents from every producer family', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const family of ['writer', 'docx', 'calc', 'chromium', 'wkhtmltopdf', 'ps-', 'groff', 'enscript']) {
      expect(corpus.some((d) => d.name.includes(family))).toBe(true);
    }
  });

  it.each(corpus.map((d) => [d.name, d] as const))('%s: every field as expected', async (name, doc) => {
    const score = scoreFields(doc.expected, await recordOf(doc.pdf, name));
    scores.set(name, score);
    expect(score.wrong).toEqual([]);
    expect(score.correct).toBe(score.total);
  });

  it('reads at least 98% of all fields', async () => {
    for (const doc of corpus) if (!scores.has(doc.name)) scores.set(doc.name, scoreFields(doc.expected, await recordOf(doc.pdf, doc.name)));
    const correct = [...scores.values()].reduce((n, s) => n + s.correct, 0);
    const total = [...scores.values()].reduce((n, s) => n + s.total, 0);
    const accuracy = correct / total;
    process.stdout.write(`hyresavi corpus: ${correct}/${total} fields (${(100 * accuracy).toFixed(1)}%) on ${corpus.length} PDFs\n`);
    expect(total).toBeGreaterThan(300);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });
});

describe('scoreFields', () => {
  it('counts wrong, missing and extra fields against the total', () => {
    const score = scoreFields({ OCR: '1', Hyra: 100, El: 0 }, { OCR: '1', Hyra: 99, Parkering: '10', UserID: 'u' });
    expect(score).toEqual({ correct: 1, total: 4, wrong: ['Hyra: 100 → 99', 'El: 0 → undefined', 'Parkering: (none) → "10"'] });
  });

  it('scores a rejected document as no field right', () => {
    expect(scoreFields({ OCR: '1', Hyra: 100 }, undefined)).toMatchObject({ correct: 0, total: 2 });
  });
});
