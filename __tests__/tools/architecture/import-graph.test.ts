import { join } from 'node:path';
import { buildImportGraph, importCycles, layerViolations, roomOf } from '../../../tools/architecture/import-graph';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = ['main.ts', 'app', 'contract', 'stacks', 'handlers', 'tools', 'scripts', '__tests__'];

describe('the layout (DESIGN.md): rooms and their imports', () => {
  const graph = buildImportGraph(ROOT, SOURCES);

  it('reads the whole tree', () => {
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['app/synthesize.ts', 'app/run-cli.ts']));
    expect(graph.get('stacks/config.ts')).toEqual(expect.arrayContaining(['contract/keys.ts', 'contract/tables.ts']));
    expect(graph.size).toBeGreaterThan(150);
  });

  it('has no import across rooms the layout forbids (stacks and handlers meet only in contract/; nothing imports __tests__/)', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it.each([
    ['stacks/a.ts', 'handlers/shared/errors.ts'],
    ['handlers/parse-invoice/index.ts', 'stacks/config.ts'],
    ['contract/keys.ts', 'handlers/shared/s3-keys.ts'],
    ['tools/local/demo.ts', '__tests__/support/x.ts'],
    ['handlers/shared/env.ts', 'handlers/parse-invoice/config.ts'],
  ])('flags %s -> %s', (from, to) => {
    expect(layerViolations(new Map([[from, [to]]]))).toEqual([{ from, to }]);
  });

  it('allows the dependencies the layout names', () => {
    const graph = new Map([
      ['stacks/config.ts', ['contract/keys.ts']],
      ['handlers/parse-invoice/config.ts', ['contract/environment.ts', 'handlers/shared/env.ts']],
      ['tools/local/cli.ts', ['app/run-cli.ts', 'handlers/shared/logger.ts']],
      ['__tests__/x.test.ts', ['stacks/config.ts', 'tools/local/cli.ts']],
    ]);
    expect(layerViolations(graph)).toEqual([]);
  });

  it('finds a cycle through several files and a file importing itself', () => {
    const graph = new Map([
      ['stacks/config.ts', ['stacks/function-catalog.ts']],
      ['stacks/function-catalog.ts', ['stacks/config.ts']],
      ['stacks/x.ts', ['stacks/x.ts']],
      ['stacks/y.ts', ['stacks/config.ts']],
    ]);
    expect(importCycles(graph)).toEqual(expect.arrayContaining([['stacks/config.ts', 'stacks/function-catalog.ts'], ['stacks/x.ts']]));
    expect(importCycles(graph)).toHaveLength(2);
  });

  it('names the room of a file', () => {
    expect(roomOf('handlers/shared/errors.ts')).toBe('handlers/shared');
    expect(roomOf('handlers/parse-invoice/core/hyresavi.ts')).toBe('handlers');
    expect(roomOf('main.ts')).toBe('main.ts');
  });
});
