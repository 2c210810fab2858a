import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverHandlers, functionNameFor } from '../../../tools/build/discover-handlers';

describe('discoverHandlers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'paypulse-discover-'));
    const add = (sub: string, file = 'index.ts') => {
      mkdirSync(path.join(dir, sub), { recursive: true });
      writeFileSync(path.join(dir, sub, file), 'export const handler = async () => 1;\n');
    };
    add('parse-retail-invoice');
    add('parse-invoice');
    add('shared');
    add('no-entry', 'helper.ts');
    writeFileSync(path.join(dir, 'loose-file.ts'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every directory with an index.ts except shared, sorted by function name', () => {
    const found = discoverHandlers(dir);
    expect(found.map((h) => h.name)).toEqual(['parse_invoice', 'parse_retail_invoice']);
    expect(found[0]).toEqual({ name: 'parse_invoice', dir: path.join(dir, 'parse-invoice'), entry: path.join(dir, 'parse-invoice', 'index.ts') });
  });

  it.each([
    ['parse-invoice', 'parse_invoice'],
    ['parse-retail-invoice', 'parse_retail_invoice'],
    ['already_snake', 'already_snake'],
  ])('names %s as %s', (dirName, name) => {
    expect(functionNameFor(dirName)).toBe(name);
  });

  it('fails clearly when the handlers directory is missing', () => {
    expect(() => discoverHandlers(path.join(dir, 'nope'))).toThrow(/Handlers directory not found/);
  });
});
