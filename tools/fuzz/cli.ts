/**
 * `npm run fuzz`: 10,000 fast-check cases per parser (the rental PDF path, the
 * receipt HTML reader and the key grammar), each in a sandboxed worker with a hang
 * guard. Prints cases / ok / typed errors / crashes / hangs and exits 1 on any
 * crash or hang.
 */
import fc from 'fast-check';
import { BASE_FIXTURE, hyresaviPdf } from '../fixtures/hyresavi-pdf';
import { runCli } from '../../app/run-cli';
import { parseFuzzArgs, USAGE, type FuzzArgs } from './cli-args';
import { htmlInputArbitrary, pdfInputArbitrary } from './inputs';
import { invalidKeyArbitrary, invalidRetailKeyArbitrary, validKeyArbitrary } from './key-arbitraries';
import { formatReport, type TargetReport } from './report';
import { runTarget } from './run-target';
import { htmlSeeds, pdfSeeds } from './seeds';
import type { TargetName } from './targets';

type Input = Uint8Array | string;

async function targetInputs(target: TargetName): Promise<{ arbitrary: fc.Arbitrary<Input>; warmUp: Input }> {
  switch (target) {
    case 'pdf':
      return { arbitrary: pdfInputArbitrary(await pdfSeeds()), warmUp: new Uint8Array(await hyresaviPdf(BASE_FIXTURE)) };
    case 'html':
      return { arbitrary: htmlInputArbitrary(htmlSeeds()), warmUp: '<p>Totalt 10 kr</p>' };
    case 'keys': {
      const keys = fc.oneof(
        validKeyArbitrary,
        invalidKeyArbitrary.map((k) => k.key),
        invalidRetailKeyArbitrary.map((k) => k.key),
        fc.string({ unit: 'binary', maxLength: 120 }),
      );
      return { arbitrary: keys, warmUp: 'invoices/u/rental/x.pdf' };
    }
  }
}

async function main(args: FuzzArgs): Promise<number> {
  const reports: TargetReport[] = [];
  for (const target of args.targets) {
    const { arbitrary, warmUp } = await targetInputs(target);
    process.stderr.write(`fuzzing ${target}: ${args.cases} cases on ${args.workers} worker(s)...\n`);
    reports.push(await runTarget(target, arbitrary, warmUp, args));
  }
  console.log(formatReport(reports, args.seed, args.hangMs));
  return reports.some((r) => r.crashes > 0 || r.hangs > 0) ? 1 : 0;
}

runCli({ usage: USAGE, parse: parseFuzzArgs, run: main });
