import type { AttributeDiff } from './attribute-diff';
import { CLASSES, type Classification } from './classify';

/** One line of counts, e.g. `no-op 9, moved 16, imported 1, intended 2, unintended 0, create 9, destroy 0, forget 0`. */
export function summaryLine(c: Classification): string {
  return CLASSES.map((k) => `${k} ${c.counts[k]}`).join(', ');
}

const MAX_VALUE = 80;

/** A plan value for people; sensitive values are never shown. */
function show(value: unknown, sensitive: boolean, unknown = false): string {
  if (unknown) return '(known after apply)';
  if (value === undefined || value === null) return 'null';
  if (sensitive) return '(sensitive)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function describeDiff(d: AttributeDiff): string {
  return `${d.path}: ${show(d.before, d.sensitive)} -> ${show(d.after, d.sensitive, d.unknown)}`;
}

/** The human table: one row per address, attribute diffs under changed ones, reasons under intended ones. */
export function renderTable(c: Classification): string {
  const width = Math.max(...c.changes.map((x) => x.address.length), 7);
  const lines = [`${'CLASS'.padEnd(11)} ${'ADDRESS'.padEnd(width)}  DETAIL`];
  for (const x of c.changes) {
    const detail = [x.previousAddress && x.previousAddress !== x.address ? `from ${x.previousAddress}` : '', x.importing ? 'import' : '', x.class === 'no-op' || x.class === 'moved' ? '' : x.actions]
      .filter(Boolean)
      .join('; ');
    lines.push(`${x.class.padEnd(11)} ${x.address.padEnd(width)}  ${detail}`.trimEnd());
    if (x.class === 'unintended' || x.class === 'intended') {
      for (const d of x.diffs) lines.push(`${' '.repeat(14)}${d.computed ? '(computed) ' : d.reason ? '' : 'UNINTENDED '}${describeDiff(d)}`);
      for (const r of x.reasons) lines.push(`${' '.repeat(14)}reason: ${r}`);
    }
  }
  lines.push('', `Summary: ${summaryLine(c)}`);
  lines.push(c.exitCode === 0 ? 'OK: nothing existing changes beyond what is intended, nothing is destroyed.' : 'NOT OK: unintended changes or destroys (see above).');
  return lines.join('\n');
}

/** `--json`: the classification with sensitive values removed. */
export function toJson(c: Classification): unknown {
  return {
    summary: c.counts,
    exitCode: c.exitCode,
    changes: c.changes.map((x) => ({
      ...x,
      diffs: x.diffs.map((d) => (d.sensitive ? { ...d, before: '(sensitive)', after: d.unknown ? undefined : '(sensitive)' } : d)),
    })),
  };
}
