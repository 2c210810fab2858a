import type { TargetName } from './targets';

export interface TargetReport {
  readonly target: TargetName;
  cases: number;
  ok: number;
  typed: number;
  crashes: number;
  hangs: number;
  /** Typed errors by class name. */
  readonly typedByName: Record<string, number>;
  slowestMs: number;
  seconds: number;
  /** Up to a few crash and hang descriptions, with where the input was saved. */
  readonly findings: string[];
}

export function emptyReport(target: TargetName): TargetReport {
  return { target, cases: 0, ok: 0, typed: 0, crashes: 0, hangs: 0, typedByName: {}, slowestMs: 0, seconds: 0, findings: [] };
}

export function formatReport(reports: readonly TargetReport[], seed: number, hangMs: number): string {
  const rows = reports.map((r) =>
    [r.target, r.cases, r.ok, r.typed, r.crashes, r.hangs, r.slowestMs.toFixed(0), r.seconds.toFixed(1)].map(String),
  );
  const header = ['parser', 'cases', 'ok', 'typed errors', 'crashes', 'hangs', 'slowest ms', 'seconds'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [`fuzz seed ${seed}; a case slower than ${hangMs} ms counts as a hang`, line(header), ...rows.map(line)];
  for (const r of reports) {
    const names = Object.entries(r.typedByName).map(([n, c]) => `${n} ${c}`).join(', ');
    if (names) out.push(`  ${r.target} typed errors: ${names}`);
    for (const f of r.findings) out.push(`  ${r.target}: ${f}`);
  }
  return out.join('\n');
}
