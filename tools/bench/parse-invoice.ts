import { preview } from '../../handlers/parse-invoice/core/preview';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { installPatchedPdfjs } from '../pdfjs/install-patched-pdfjs';
import { throughput, type BenchFigure } from './measure';

installPatchedPdfjs();

/** PDFs per second through the parse_invoice core (PDF text + Hyresavi parser + record), one process, one page. */
export async function benchParseInvoice(): Promise<BenchFigure> {
  const pdf = await hyresaviPdf(BASE_FIXTURE);
  return throughput('parse_invoice', 'PDFs/s', () => preview(pdf, 'invoices/bench/rental/Hyresavi_1297534008.pdf'), {
    batch: 50,
    repetitions: 7,
    warmup: 20,
  });
}
