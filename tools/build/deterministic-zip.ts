import { ZipFile } from 'yazl';

export interface ZipEntry {
  /** Path inside the zip, with forward slashes. */
  readonly name: string;
  readonly data: Buffer;
}

/** Regular file, rw-r--r--. */
export const ZIP_FILE_MODE = 0o100644;
export const ZIP_COMPRESSION_LEVEL = 9;

/**
 * 1980-01-01 00:00:00, the earliest DOS date. Built from local-time fields because
 * yazl encodes the DOS timestamp with local-time getters; with `forceDosTimestamp`
 * (no UTC "UT" extra field) the bytes are the same in every time zone.
 */
function fixedMtime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0, 0);
}

/**
 * A zip whose bytes depend only on the entries' names and contents: entries sorted by
 * name, fixed mtime, mode and compression level, no comments and no extra fields.
 */
export function createDeterministicZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const names = entries.map((e) => e.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) return Promise.reject(new Error(`Duplicate zip entry: ${duplicate}`));

  const zip = new ZipFile();
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of sorted) {
    zip.addBuffer(entry.data, entry.name, {
      mtime: fixedMtime(),
      mode: ZIP_FILE_MODE,
      compress: true,
      compressionLevel: ZIP_COMPRESSION_LEVEL,
      forceDosTimestamp: true,
    });
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}
