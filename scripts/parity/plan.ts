import { compareConfigs, compareWithState } from './compare';
import { Moves } from './moves';
import type { AttributeDiff, ConfigResource, Configuration, Row, StateFile } from './model';
import { configResolver, stateResolver, stateResourceFor } from './references';
import type { Scope } from './scope';

/** Address by address: the stack against an existing HCL configuration. */
export function planAgainstHcl(stack: Configuration, hcl: Configuration, scope: Scope): Row[] {
  const rows: Row[] = [];
  const resolveOld = configResolver(hcl);
  const resolveNew = configResolver(stack);
  const imports = new Set(stack.imports.map((i) => i.to));
  for (const resource of stack.resources.values()) {
    const existing = hcl.resources.get(resource.address);
    if (resource.mode === 'data') {
      if (existing) rows.push(compared(resource, existing.declaredAt, compareConfigs(resource.type, existing.attributes, resource.attributes, resolveOld, resolveNew), 'hcl'));
      continue;
    }
    if (!existing) {
      rows.push({ address: resource.address, status: imports.has(resource.address) ? 'import' : 'create', against: 'hcl', kind: 'resource', diffs: [] });
      continue;
    }
    const diffs = compareConfigs(resource.type, existing.attributes, resource.attributes, resolveOld, resolveNew);
    rows.push(compared(resource, existing.declaredAt, withoutIgnored(diffs, resource), 'hcl'));
  }
  for (const existing of hcl.resources.values()) {
    if (existing.mode === 'data' || stack.resources.has(existing.address)) continue;
    const status = scope.hclInScope(existing) ? 'destroy' : 'not-in-stack';
    rows.push({ address: existing.declaredAt, status, against: 'hcl', kind: 'resource', diffs: [] });
  }
  return rows;
}

/** Address by address: the stack against a state file. */
export function planAgainstState(stack: Configuration, state: StateFile, scope: Scope, hclScope?: ReadonlySet<string>): Row[] {
  const rows: Row[] = [];
  const moves = new Moves(stack.moved);
  const resolve = stateResolver(state, moves);
  const imports = new Set(stack.imports.map((i) => i.to));
  const claimed = new Set<string>();
  for (const resource of stack.resources.values()) {
    const existing = stateResourceFor(state, moves, resource.address);
    if (existing) claimed.add(existing.address);
    if (resource.mode === 'data') {
      if (existing) rows.push(compared(resource, existing.address, compareWithState(resource.type, existing.attributes, resource.attributes, resolve), 'state'));
      continue;
    }
    if (!existing) {
      rows.push({ address: resource.address, status: imports.has(resource.address) ? 'import' : 'create', against: 'state', kind: 'resource', diffs: [] });
      continue;
    }
    const diffs = compareWithState(resource.type, existing.attributes, resource.attributes, resolve);
    rows.push(compared(resource, existing.address, withoutIgnored(diffs, resource), 'state'));
  }
  for (const existing of state.resources.values()) {
    if (existing.mode === 'data' || claimed.has(existing.address)) continue;
    const inScope = hclScope?.has(existing.address) || scope.stateInScope(existing.address, existing.type, existing.attributes, state, moves);
    rows.push({ address: existing.address, status: inScope ? 'destroy' : 'not-in-stack', against: 'state', kind: 'resource', diffs: [] });
  }
  return rows;
}

function compared(resource: ConfigResource, existingAddress: string, diffs: AttributeDiff[], against: Row['against']): Row {
  const moved = existingAddress !== resource.address;
  return {
    address: resource.address,
    status: diffs.length > 0 ? 'changed' : moved ? 'moved' : 'same',
    against,
    kind: resource.mode === 'data' ? 'data' : 'resource',
    ...(moved ? { from: existingAddress } : {}),
    diffs,
  };
}

/** Paths under the stack's `lifecycle.ignore_changes` never show in a plan. */
function withoutIgnored(diffs: AttributeDiff[], resource: ConfigResource): AttributeDiff[] {
  if (resource.ignoreChanges.includes('all')) return [];
  return diffs.filter((d) => !resource.ignoreChanges.some((p) => d.path === p || d.path.startsWith(`${p}.`) || d.path.startsWith(`${p}[`)));
}
