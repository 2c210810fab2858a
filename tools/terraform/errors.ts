import type { ErrorCode } from '../../handlers/shared/error-codes';

/** An error a Terraform tool reports as one line, `error: CODE: message`. */
export abstract class ToolError extends Error {
  abstract readonly code: ErrorCode;
  /** The CLI exit code. */
  readonly exitCode: number = 1;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input: unreadable or malformed file, a state of the wrong shape. */
export class ToolInputError extends ToolError {
  readonly code = 'INVALID_REQUEST';
}

/** The provider mirror is missing, so no real plan can run here. */
export class MissingPluginDirError extends ToolError {
  readonly code = 'DEPENDENCY_FAILURE';
}

/** `terraform` itself failed (init, plan, show, state commands). */
export class TerraformFailedError extends ToolError {
  readonly code = 'DEPENDENCY_FAILURE';
}
