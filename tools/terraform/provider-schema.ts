import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTerraform } from './run-terraform';

/** One attribute of a provider schema (`terraform providers schema -json`). */
export interface SchemaAttribute {
  readonly type?: unknown;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
}

export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock; readonly max_items?: number }>>;
}

/** Resource type → schema block, for the aws provider. */
export type ResourceSchemas = Readonly<Record<string, { readonly version: number; readonly block: SchemaBlock }>>;

const SCHEMA_FILE = 'aws-resource-schemas.json';
const AWS = 'registry.terraform.io/hashicorp/aws';

/**
 * The aws provider's resource schemas, asked of Terraform in an initialised `workDir`
 * once and kept in `cacheDir` (the init cache) for later runs.
 */
export async function awsResourceSchemas(workDir: string, cacheDir: string): Promise<ResourceSchemas> {
  const file = join(cacheDir, SCHEMA_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ResourceSchemas;
  const { stdout } = await runTerraform(['providers', 'schema', '-json'], { cwd: workDir });
  const schemas = (JSON.parse(stdout) as { provider_schemas: Record<string, { resource_schemas: ResourceSchemas }> }).provider_schemas[AWS].resource_schemas;
  writeFileSync(file, JSON.stringify(schemas));
  return schemas;
}

/** A schema cached by an earlier offline run under `cacheRoot`, if any (for classifying a plan made elsewhere). */
export function anyCachedAwsResourceSchemas(cacheRoot: string): ResourceSchemas | undefined {
  if (!existsSync(cacheRoot)) return undefined;
  for (const entry of readdirSync(cacheRoot)) {
    const file = join(cacheRoot, entry, SCHEMA_FILE);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ResourceSchemas;
  }
  return undefined;
}

/**
 * Whether a top-level attribute is computed by the provider alone (not settable in
 * configuration), like `last_modified` or `qualified_arn`: its change follows from
 * another change and is not one of its own.
 */
export function isComputedOnly(schemas: ResourceSchemas | undefined, type: string, path: string): boolean {
  const name = /^[^.[]+/.exec(path)?.[0] ?? path;
  const attribute = schemas?.[type]?.block.attributes?.[name];
  return Boolean(attribute?.computed && !attribute.optional && !attribute.required);
}
