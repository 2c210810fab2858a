import { PDFDocument, rgb } from 'pdf-lib';
import { BASE_FIXTURE, hyresaviPdf } from './hyresavi-pdf';

/** A 1×1 PNG. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

/** A page with a picture and a box but no text layer, like a scanned invoice. */
export async function imageOnlyPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const image = await doc.embedPng(PIXEL_PNG);
  page.drawImage(image, { x: 50, y: 300, width: 400, height: 400 });
  page.drawRectangle({ x: 40, y: 40, width: 100, height: 50, color: rgb(0.2, 0.2, 0.2) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * A valid invoice whose trailer declares standard-security encryption with a user
 * password, so no reader can open it without one.
 */
export async function encryptedPdf(): Promise<Buffer> {
  const text = (await hyresaviPdf(BASE_FIXTURE)).toString('latin1');
  const hex = (byte: string) => `<${byte.repeat(32)}>`;
  const encrypt = `/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O ${hex('a1')} /U ${hex('5b')} >> /ID [<${'0f'.repeat(16)}> <${'0f'.repeat(16)}>]`;
  if (!text.includes('trailer\n<<')) throw new Error('fixture: no classic trailer');
  return Buffer.from(text.replace('trailer\n<<', `trailer\n<< ${encrypt}`), 'latin1');
}
