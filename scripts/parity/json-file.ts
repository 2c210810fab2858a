import { readFileSync } from 'node:fs';
import { ParityInputError } from './errors';

/** Reads and parses a JSON file; every failure is a `ParityInputError` naming the file. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ParityInputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ParityInputError(`${what} ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}
