import { ConfigurationError } from './errors';

/** A required environment variable, or `ConfigurationError` naming it. */
export function requireEnv(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new ConfigurationError(`Environment variable ${name} is not set`);
  return value;
}

/** A positive integer environment variable, or the default. */
export function positiveIntEnv(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigurationError(`Environment variable ${name} must be a positive integer, got '${raw}'`);
  return value;
}
