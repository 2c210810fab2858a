import { ConflictError } from '../../handlers/shared/errors';
import { TransientBatchError } from '../../handlers/shared/s3-batch';

/** The ConflictError a handler invocation threw inside its batch error; fails the test when it ended otherwise. */
export function conflictOf(result: { outcome: string } | { thrown: unknown }): ConflictError {
  if (!('thrown' in result)) throw new Error(`expected a thrown conflict, got outcome ${result.outcome}`);
  expect(result.thrown).toBeInstanceOf(TransientBatchError);
  const [failure] = (result.thrown as TransientBatchError).failures;
  expect(failure).toBeInstanceOf(ConflictError);
  return failure as ConflictError;
}
