import { buildHandlers } from './';

/**
 * `npm run build:handlers [-- [--force] [fn ...]]`: bundles the handlers into dist/
 * and writes dist/manifest.json. Exits non-zero on a build error or a blown size budget.
 */
async function main(argv: readonly string[]): Promise<void> {
  const force = argv.includes('--force');
  const only = argv.filter((a) => !a.startsWith('--'));
  await buildHandlers({ force, ...(only.length > 0 ? { only } : {}) });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  });
}

export * from './';
