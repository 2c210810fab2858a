import { runInThisContext } from 'node:vm';
import { Testing } from 'cdktf';

Testing.setupJest();

/**
 * cdktf records a creation stack for every token it makes (Error.captureStackTrace on a
 * plain object, no depth limit). Jest formats stacks in the worker's own realm, mapping
 * every frame through the source maps: for those token stacks that was a quarter of the
 * stack tests' CPU, and they are only read in cdktf's own messages. Stacks of real
 * errors still get jest's source-mapped frames.
 */
const workerError = runInThisContext('Error') as ErrorConstructor;
Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]) => {
  const sourceMapped = workerError.prepareStackTrace;
  if (error instanceof Error && sourceMapped) return sourceMapped(error, frames);
  return `${error instanceof Error ? `${error.name}: ${error.message}` : ''}${frames.map((frame) => `\n    at ${frame}`).join('')}`;
};
