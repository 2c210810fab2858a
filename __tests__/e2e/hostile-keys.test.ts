import { BASE_FIXTURE, hyresaviPdf } from '../../tools/fixtures/hyresavi-pdf';
import { startPipelineWorld, type PipelineWorld } from '../support/pipeline-world';

describe('npm run local: keys s3rver must not store get a refused line, and the pipeline keeps running', () => {
  let world: PipelineWorld;
  let pdf: Buffer;

  beforeAll(async () => {
    [world, pdf] = await Promise.all([startPipelineWorld(), hyresaviPdf(BASE_FIXTURE)]);
  }, 60000);
  afterAll(() => world?.stop());

  it.each([
    ['invoices/u1/rental/../../../../../escape.pdf', 'path_traversal'],
    // 255 bytes: the key grammar allows it, s3rver's file name (key + suffix) would not fit.
    [`invoices/u1/rental/Hyresavi_${'1'.repeat(251 - 'Hyresavi_'.length)}.pdf`, 'name_too_long'],
  ])('%s is refused (%s) before it reaches s3rver', async (key, reason) => {
    await expect(world.upload(key, pdf, 'application/pdf')).rejects.toMatchObject({ name: 'InvalidArgument' });
    const reports = await world.reportsFor(key);
    expect(reports).toEqual([
      expect.objectContaining({ function: null, outcome: 'refused', status: 400, error: { code: 'INVALID_REQUEST', message: expect.stringContaining(`${reason}: `) } }),
    ]);
  });

  it.each([
    ['a zero-byte PDF', Buffer.alloc(0)],
    ['random bytes named .pdf', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['a truncated PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages [')],
  ])('%s is reported as an error and the pipeline goes on', async (_name, body) => {
    const key = `invoices/u1/rental/Hyresavi_${body.length}.pdf`;
    await world.upload(key, body, 'application/pdf');
    const [report] = await world.reportsFor(key);
    expect(report).toMatchObject({ function: 'parse_invoice', outcome: 'error', error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('a good upload after the refusals and the bad objects is processed', async () => {
    const key = 'invoices/u1/rental/Hyresavi_1297534008.pdf';
    await world.upload(key, pdf, 'application/pdf');
    expect(await world.reportsFor(key)).toEqual([expect.objectContaining({ function: 'parse_invoice', outcome: 'inserted' })]);
  });
});
