import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToolInputError } from '../terraform/errors';
import { runTerraform } from '../terraform/run-terraform';
import { managedAddresses, readStateFile, type TerraformState } from '../terraform/state-file';
import type { StackAddresses } from './stack-addresses';

/** The nine resources of s3.tf (PAYPULSE_REFERENCE §1.1): a state without all of them is not the existing root's. */
export const S3_TF_ADDRESSES = [
  'aws_s3_bucket.rental_invoices',
  'aws_s3_bucket_versioning.rental_invoices',
  'aws_s3_bucket_server_side_encryption_configuration.rental_invoices',
  'aws_s3_bucket_public_access_block.rental_invoices',
  'aws_s3_object.invoices_path',
  'aws_s3_bucket.lambda_bucket',
  'aws_s3_bucket_versioning.lambda_bucket_versioning',
  'aws_s3_bucket_policy.lambda_bucket_policy',
  'aws_s3_bucket_notification.invoice_upload_trigger',
] as const;

export interface SplitResult {
  /** Addresses now in stack.tfstate (under their old addresses; the stack's `moved` blocks rename them). */
  readonly moved: readonly string[];
  /** Addresses left in existing.tfstate. */
  readonly kept: readonly string[];
  readonly files: { readonly stack: string; readonly existing: string; readonly removed: string; readonly report: string };
}

/** The addresses of `state` the stack takes over: its own resources and the old addresses of its `moved` blocks. */
function addressesToMove(addresses: readonly string[], stack: StackAddresses): string[] {
  return addresses.filter((a) => stack.resources.has(a) || stack.moves.has(a));
}

function checkSplittable(path: string, addresses: readonly string[], stack: StackAddresses): string[] {
  const missing = S3_TF_ADDRESSES.filter((a) => !addresses.includes(a));
  if (missing.length) throw new ToolInputError(`${path} is missing s3.tf resources (${missing.join(', ')}): not the existing root's state`);
  const renamed = addresses.filter((a) => [...stack.moves.values()].includes(a));
  const toMove = addressesToMove(addresses, stack);
  if (renamed.length || toMove.length === addresses.length) {
    throw new ToolInputError(
      `${path} is already split: ${renamed.length ? `it holds the stack's own addresses (${renamed[0]}, ...)` : 'everything in it belongs to the stack'}`,
    );
  }
  return toMove;
}

function removedBlocks(addresses: readonly string[]): string {
  const header =
    '# Add to the existing root (aws-infra-terraform/) after deleting the blocks these\n' +
    '# addresses come from: Terraform (>= 1.7) then forgets them without destroying them;\n' +
    '# the PayPulse stack manages them from now on.\n';
  return header + addresses.map((a) => `\nremoved {\n  from = ${a}\n\n  lifecycle {\n    destroy = false\n  }\n}\n`).join('');
}

function report(statePath: string, moved: readonly string[], kept: readonly string[], stack: StackAddresses): string {
  return [
    `# State split of ${statePath}`,
    '',
    `- stack.tfstate: ${moved.length} resources the stack takes over (the nine of s3.tf, plus the functions and permissions its moved blocks bring):`,
    ...moved.map((a) => `  - ${a}${stack.moves.has(a) ? ` (moved block -> ${stack.moves.get(a)})` : ''}`),
    `- existing.tfstate: ${kept.length} resources stay with the old root.`,
    `- removed.tf: ${moved.length} removed blocks for the old root (destroy = false).`,
    '',
    'Next: `npm run plan -- --state <out>/stack.tfstate` must show 0 destroy and only intended changes;',
    'then push stack.tfstate to the stack backend, existing.tfstate to the old one, add removed.tf there, and deploy.',
  ].join('\n');
}

/**
 * Splits the existing root's state with Terraform's own `terraform state mv
 * -state-out`: the resources the stack takes over go to stack.tfstate under their old
 * addresses (the stack's `moved` blocks rename them in its first plan); the rest stay in
 * existing.tfstate. Works in a scratch directory and writes `outDir` only when all of
 * it succeeded. `state` is the content of `statePath`, when the caller has read it already.
 */
export async function splitState(statePath: string, outDir: string, stack: StackAddresses, state: TerraformState = readStateFile(statePath)): Promise<SplitResult> {
  const addresses = managedAddresses(state);
  const toMove = checkSplittable(statePath, addresses, stack);
  const scratch = mkdtempSync(join(tmpdir(), 'paypulse-migrate-'));
  try {
    const existing = join(scratch, 'existing.tfstate');
    const stackState = join(scratch, 'stack.tfstate');
    copyFileSync(statePath, existing);
    for (const address of toMove) {
      await runTerraform(['state', 'mv', '-lock=false', `-state=${existing}`, `-state-out=${stackState}`, address, address], { cwd: scratch });
    }
    const kept = managedAddresses(readStateFile(existing));
    const moved = managedAddresses(readStateFile(stackState));
    if (moved.length !== toMove.length || kept.length + moved.length !== addresses.length) {
      throw new ToolInputError(`the split lost resources: ${addresses.length} in, ${moved.length} + ${kept.length} out`);
    }
    mkdirSync(outDir, { recursive: true });
    const files = {
      stack: join(outDir, 'stack.tfstate'),
      existing: join(outDir, 'existing.tfstate'),
      removed: join(outDir, 'removed.tf'),
      report: join(outDir, 'migration-report.md'),
    };
    copyFileSync(stackState, files.stack);
    copyFileSync(existing, files.existing);
    writeFileSync(files.removed, removedBlocks(moved));
    writeFileSync(files.report, `${report(statePath, moved, kept, stack)}\n`);
    return { moved, kept, files };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
