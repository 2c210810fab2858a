import { existsSync, readFileSync } from 'node:fs';

/** The part of a synthesized `cdk.tf.json` the local pipeline reads. */
export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly variable?: Readonly<Record<string, { readonly default?: unknown }>>;
  readonly provider?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
}

/** The stack JSON is missing, unreadable, or lacks what the pipeline needs. */
export class StackJsonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StackJsonError';
  }
}

export function readStackJson(path: string): StackJson {
  if (!existsSync(path)) throw new StackJsonError(`Synthesized stack not found: ${path}. Run \`npm run synth\`, or start without --stack to synthesize in-process.`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StackJson;
  } catch (cause) {
    throw new StackJsonError(`Synthesized stack ${path} is not valid JSON`, { cause });
  }
}
