import type { PlanJson, ResourceChange } from '../terraform/plan-json';
import { isComputedOnly, type ResourceSchemas } from '../terraform/provider-schema';
import { type AttributeDiff, attributeDiffs } from './attribute-diff';
import { type IntendedChange, matchIntended } from './intended';

export const CLASSES = ['no-op', 'moved', 'imported', 'intended', 'unintended', 'create', 'destroy', 'forget'] as const;
export type ChangeClass = (typeof CLASSES)[number];

export interface ClassifiedChange {
  readonly address: string;
  readonly class: ChangeClass;
  /** Terraform's actions, e.g. `update`, `delete,create`. */
  readonly actions: string;
  readonly previousAddress?: string;
  readonly importing: boolean;
  /**
   * Changed attributes with the declaration that covers each (none: unintended).
   * `computed`: set by the provider alone (last_modified, ...), so it follows the other
   * changes and is not judged.
   */
  readonly diffs: ReadonlyArray<AttributeDiff & { readonly reason?: string; readonly computed: boolean }>;
  /** Reasons of the declarations that matched. */
  readonly reasons: readonly string[];
}

export type ClassCounts = Record<ChangeClass, number>;

export interface Classification {
  readonly changes: readonly ClassifiedChange[];
  readonly counts: ClassCounts;
  /** 0: nothing existing changes beyond what is intended and nothing is destroyed; 2 otherwise. */
  readonly exitCode: 0 | 2;
}

function classOf(rc: ResourceChange, diffs: ClassifiedChange['diffs']): ChangeClass {
  const actions = rc.change.actions;
  if (actions.includes('delete') && !actions.includes('create')) return 'destroy';
  if (actions.includes('forget')) return 'forget';
  if (actions.includes('create') && actions.length === 1) return rc.change.importing ? 'imported' : 'create';
  if (actions.includes('update') || actions.includes('create')) {
    // An import that also updates is judged like any change: only declared attributes may move.
    const judged = diffs.filter((d) => !d.computed);
    if (judged.length && judged.every((d) => d.reason)) return 'intended';
    return 'unintended';
  }
  if (rc.change.importing) return 'imported';
  if (rc.previous_address && rc.previous_address !== rc.address) return 'moved';
  return 'no-op';
}

/**
 * Sorts every managed resource of a plan into one class. One classifier for offline,
 * live and `--plan-json` plans: Terraform decides what changes; this only says whether
 * each change was declared (parity-intended.json) or is allowed (create, forget).
 */
export function classifyPlan(plan: PlanJson, intended: readonly IntendedChange[], schemas?: ResourceSchemas): Classification {
  const changes: ClassifiedChange[] = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const actions = rc.change.actions;
    const changing = actions.includes('update') || (actions.includes('create') && actions.includes('delete'));
    const diffs = changing
      ? attributeDiffs(rc.change).map((d) => {
          const computed = isComputedOnly(schemas, rc.type, d.path);
          return { ...d, computed, reason: computed ? undefined : matchIntended(rc.address, d, intended)?.reason };
        })
      : [];
    changes.push({
      address: rc.address,
      class: classOf(rc, diffs),
      actions: actions.join(','),
      ...(rc.previous_address ? { previousAddress: rc.previous_address } : {}),
      importing: Boolean(rc.change.importing),
      diffs,
      reasons: [...new Set(diffs.flatMap((d) => (d.reason ? [d.reason] : [])))],
    });
  }
  changes.sort((a, b) => a.address.localeCompare(b.address));
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as ClassCounts;
  for (const c of changes) counts[c.class]++;
  return { changes, counts, exitCode: counts.unintended || counts.destroy ? 2 : 0 };
}
