import type { StaleEntry } from './intended';
import type { Row, Status, Val } from './model';

export interface ParityResult {
  readonly stack: string;
  /** What was compared: `HCL <dir>`, `state <file>`. */
  readonly sources: Readonly<Partial<Record<Row['against'], string>>>;
  readonly rows: readonly Row[];
  readonly stale: readonly StaleEntry[];
  readonly notes: readonly string[];
  readonly strict: boolean;
}

export const STATUSES: readonly Status[] = ['same', 'moved', 'changed', 'import', 'create', 'destroy', 'not-in-stack'];

export type Summary = Record<Status, number> & {
  readonly intended: number;
  readonly unintendedChanges: number;
  readonly stale: number;
  readonly data: number;
  readonly exitCode: 0 | 2;
};

/**
 * 2 when an existing address would be changed (other than intended) or destroyed;
 * under --strict also when anything would be created or an intended entry is stale.
 */
export function exitCodeOf(result: ParityResult): 0 | 2 {
  const resources = result.rows.filter((r) => r.kind === 'resource');
  const fails = resources.some((r) => r.status === 'destroy' || (r.status === 'changed' && !r.intended));
  const strictFails = result.strict && (resources.some((r) => r.status === 'create') || result.stale.length > 0);
  return fails || strictFails ? 2 : 0;
}

export function summarize(result: ParityResult): Summary {
  const resources = result.rows.filter((r) => r.kind === 'resource');
  const counts = Object.fromEntries(STATUSES.map((s) => [s, resources.filter((r) => r.status === s).length])) as Record<Status, number>;
  return {
    ...counts,
    intended: resources.filter((r) => r.status === 'changed' && r.intended).length,
    unintendedChanges: resources.filter((r) => r.status === 'changed' && !r.intended).length,
    stale: result.stale.length,
    data: result.rows.length - resources.length,
    exitCode: exitCodeOf(result),
  };
}

const SECRET_KEY = /(secret|password|passwd|token|api_?key|private_?key|credential)/i;

/** Values under secret-looking keys are never printed (state files carry them in clear text). */
function redact(path: string, value: Val | undefined): Val | undefined {
  const last = path.split(/[.[]/).pop() ?? '';
  if (value !== null && value !== undefined && SECRET_KEY.test(last.replace(/["\]]/g, ''))) return '(sensitive)';
  return value;
}

function ordered(rows: readonly Row[]): Row[] {
  const rank = (r: Row) => (r.status === 'not-in-stack' ? 2 : r.kind === 'data' ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

export function formatJson(result: ParityResult): string {
  const resources = ordered(result.rows).map((r) => ({
    address: r.address,
    status: r.status,
    ...(r.from ? { from: r.from } : {}),
    against: r.against,
    kind: r.kind,
    diffs: r.diffs.map((d) => ({ path: d.path, old: redact(d.path, d.old) ?? null, new: redact(d.path, d.new) ?? null, ...(d.intended ? { intended: true } : {}) })),
    ...(r.intended ? { intended: true } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
  }));
  return JSON.stringify({ stack: result.stack, sources: result.sources, resources, stale: result.stale, notes: result.notes, summary: summarize(result) }, null, 2);
}

const show = (value: Val | undefined) => (value === undefined || value === null ? '(none)' : JSON.stringify(value));

export function formatText(result: ParityResult): string {
  const lines: string[] = [];
  const width = 'changed (intended)'.length + 2;
  for (const against of ['hcl', 'state'] as const) {
    const source = result.sources[against];
    if (!source) continue;
    const rows = ordered(result.rows.filter((r) => r.against === against));
    lines.push(`Stack "${result.stack}" vs ${against === 'hcl' ? 'HCL' : 'state'} ${source}`);
    for (const row of rows) {
      const label = row.status === 'changed' && row.intended ? 'changed (intended)' : row.status;
      const from = row.from ? ` <- ${row.from}` : '';
      const data = row.kind === 'data' ? ' [data source, informational]' : '';
      lines.push(`  ${label.padEnd(width)}${row.address}${from}${data}`);
      if (row.reason) lines.push(`  ${''.padEnd(width)}  reason: ${row.reason}`);
      for (const d of row.diffs) {
        lines.push(`  ${''.padEnd(width)}  ${d.intended ? '~' : '!'} ${d.path}: ${show(redact(d.path, d.old))} -> ${show(redact(d.path, d.new))}`);
      }
    }
    const s = summarize({ ...result, rows, stale: [] });
    lines.push(
      `Summary vs ${against === 'hcl' ? 'HCL' : 'state'}: ${s.same} same, ${s.moved} moved, ${s.changed} changed (${s.intended} intended), ` +
        `${s.import} import, ${s.create} create, ${s.destroy} destroy, ${s['not-in-stack']} not-in-stack`,
      '',
    );
  }
  for (const stale of result.stale) lines.push(`stale intended entry: ${stale.address} ${stale.path} (${stale.reason}) matches no difference`);
  for (const note of result.notes) lines.push(`note: ${note}`);
  const code = exitCodeOf(result);
  lines.push(
    code === 0
      ? 'Result: nothing that exists would be changed (other than intended) or destroyed.'
      : `Result: existing resources would be changed or destroyed${result.strict ? ' (or created/stale under --strict)' : ''}; exit 2.`,
  );
  return lines.join('\n');
}
