import { createDeterministicZip, ZIP_FILE_MODE } from '../../../tools/build/deterministic-zip';
import { restoreEnv, saveEnv } from '../../support/saved-env';
import { readZip } from '../../support/unzip';

const entries = [
  { name: 'index.js.map', data: Buffer.from('{"version":3,"sources":[],"mappings":""}') },
  { name: 'index.js', data: Buffer.from('exports.handler=async()=>1;') },
];

/** DOS date for 1980-01-01: ((1980 - 1980) << 9) | (1 << 5) | 1. */
const DOS_1980_01_01 = (0 << 9) | (1 << 5) | 1;

describe('createDeterministicZip', () => {
  const saved = saveEnv(['TZ']);
  afterEach(() => restoreEnv(saved));

  it('gives the same bytes for the same entries in any order', async () => {
    const a = await createDeterministicZip(entries);
    const b = await createDeterministicZip([...entries].reverse());
    expect(b.equals(a)).toBe(true);
  });

  it('gives the same bytes in every time zone', async () => {
    const zips: Buffer[] = [];
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      zips.push(await createDeterministicZip(entries));
    }
    expect(zips[1].equals(zips[0])).toBe(true);
    expect(zips[2].equals(zips[0])).toBe(true);
  });

  it('stores entries sorted, deflated, with a fixed 1980-01-01 00:00 mtime, mode 0644 and no extra fields', async () => {
    const records = await readZip(await createDeterministicZip(entries));
    expect(records.map((r) => r.name)).toEqual(['index.js', 'index.js.map']);
    for (const r of records) {
      expect(r.mode).toBe(ZIP_FILE_MODE);
      expect(r.dosDate).toBe(DOS_1980_01_01);
      expect(r.dosTime).toBe(0);
      expect(r.compressionMethod).toBe(8);
      expect(r.extraFieldCount).toBe(0);
    }
    expect(records.find((r) => r.name === 'index.js')?.data.toString()).toBe('exports.handler=async()=>1;');
  });

  it('changes when any content byte changes', async () => {
    const a = await createDeterministicZip(entries);
    const b = await createDeterministicZip([entries[0], { name: 'index.js', data: Buffer.from('exports.handler=async()=>2;') }]);
    expect(b.equals(a)).toBe(false);
  });

  it('rejects duplicate entry names', async () => {
    await expect(createDeterministicZip([entries[1], entries[1]])).rejects.toThrow(/Duplicate zip entry: index\.js/);
  });
});
