/** Bad input (unreadable file, not JSON, unsupported state version, HCL that does not parse): exit 1. */
export class ParityInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ParityInputError';
  }
}
