import { ParityInputError } from './errors';
import { readJsonFile } from './json-file';
import { isObject, type ResourceMode, type StateFile, type StateResource, type Val } from './model';

/** Reads a Terraform state file (format version 4, Terraform >= 0.12). */
export function readStateFile(path: string): StateFile {
  return parseState(readJsonFile(path, 'state file'), path);
}

export function parseState(raw: unknown, path = 'state'): StateFile {
  if (!isObject(raw)) throw new ParityInputError(`${path}: a state file is a JSON object`);
  if (raw.version !== 4) {
    throw new ParityInputError(`${path}: unsupported state format version ${JSON.stringify(raw.version ?? null)}; only version 4 (Terraform >= 0.12) is supported`);
  }
  if (raw.resources !== undefined && !Array.isArray(raw.resources)) throw new ParityInputError(`${path}: "resources" must be a list`);
  const resources = new Map<string, StateResource>();
  for (const [i, entry] of (raw.resources ?? []).entries()) {
    if (!isObject(entry) || typeof entry.type !== 'string' || typeof entry.name !== 'string' || !Array.isArray(entry.instances)) {
      throw new ParityInputError(`${path}: resources[${i}] needs "type", "name" and "instances"`);
    }
    const mode: ResourceMode = entry.mode === 'data' ? 'data' : 'managed';
    const base = `${typeof entry.module === 'string' ? `${entry.module}.` : ''}${mode === 'data' ? 'data.' : ''}${entry.type}.${entry.name}`;
    for (const instance of entry.instances) {
      if (!isObject(instance) || !isObject(instance.attributes)) {
        throw new ParityInputError(`${path}: an instance of ${base} has no "attributes" (state written by an unsupported Terraform?)`);
      }
      const key = instance.index_key;
      const address = key === undefined ? base : `${base}[${typeof key === 'number' ? key : JSON.stringify(key)}]`;
      resources.set(address, { address, mode, type: entry.type, attributes: instance.attributes as Record<string, Val> });
    }
  }
  return { resources, ...(typeof raw.terraform_version === 'string' ? { terraformVersion: raw.terraform_version } : {}) };
}
