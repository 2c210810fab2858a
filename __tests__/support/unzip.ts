import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yauzl from 'yauzl';

export interface ZipRecord {
  readonly name: string;
  readonly data: Buffer;
  /** Unix mode from the external attributes. */
  readonly mode: number;
  /** Raw DOS date and time fields. */
  readonly dosDate: number;
  readonly dosTime: number;
  readonly compressionMethod: number;
  readonly extraFieldCount: number;
}

/** Every entry of a zip, in the order stored, read with yauzl (an independent reader). */
export function readZip(buffer: Buffer): Promise<ZipRecord[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (openErr, zip) => {
      if (openErr || !zip) return reject(openErr ?? new Error('yauzl gave no zip'));
      const records: ZipRecord[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(records));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error(`no stream for ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            records.push({
              name: entry.fileName,
              data: Buffer.concat(chunks),
              mode: (entry.externalFileAttributes >>> 16) & 0xffff,
              dosDate: entry.lastModFileDate,
              dosTime: entry.lastModFileTime,
              compressionMethod: entry.compressionMethod,
              extraFieldCount: entry.extraFields.length,
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Unpacks a zip into `dir` (entries are flat file names here). */
export async function extractZip(buffer: Buffer, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const records = await readZip(buffer);
  for (const r of records) writeFileSync(path.join(dir, r.name), r.data);
  return records.map((r) => r.name);
}
