import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtBundles, builtOrPlaceholderBundles } from '../../app/bundles';
import { synthesizePayPulse } from '../../app/synthesize';
import type { TerraformState } from '../terraform/state-file';

const TAGGED_IMAGE = /\/wallenstam\/invoice-parser:([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

/** The tag parse_invoice runs from in `state`, for the pinned-image mode. */
function parserImageTag(state: TerraformState | undefined): string | undefined {
  for (const r of state?.resources ?? []) {
    if (r.type !== 'aws_lambda_function' || r.name !== 'parse_invoice') continue;
    const uri = r.instances[0]?.attributes.image_uri;
    const tag = typeof uri === 'string' ? TAGGED_IMAGE.exec(uri)?.[1] : undefined;
    if (tag) return tag;
  }
  return undefined;
}

/**
 * Synthesizes the stack into a fresh scratch directory for an offline plan, in the
 * pinned-image mode (the docker provider is not in the mirror): the tag is
 * PAYPULSE_PARSER_IMAGE_TAG, else the one the state's parse_invoice runs, else `latest`.
 * Handler zips are the built ones where they exist, placeholders otherwise (the
 * stack's own zip object is planned as a new upload either way). Returns the scratch
 * directory (to remove afterwards) and the stack directory in it.
 */
export function synthForOfflinePlan(
  state: TerraformState | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { scratch: string; stackDir: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'paypulse-plan-'));
  const { bundles } = builtOrPlaceholderBundles(join(scratch, 'placeholders'));
  const tag = env.PAYPULSE_PARSER_IMAGE_TAG || parserImageTag(state) || 'latest';
  const { stackFile } = synthesizePayPulse({ bundles, outdir: join(scratch, 'cdktf.out'), env: { ...env, PAYPULSE_PARSER_IMAGE_TAG: tag } });
  return { scratch, stackDir: dirname(stackFile) };
}

/** Synthesizes the stack as deployed (cdktf.out, built handler zips, configured backend) for a live plan. */
export function synthForLivePlan(env: Readonly<Record<string, string | undefined>>): string {
  return dirname(synthesizePayPulse({ bundles: builtBundles(), env }).stackFile);
}
