/**
 * Structured JSON logger with the fields CloudWatch Logs Insights and the
 * Powertools logger use (level, message, timestamp, service, xray_trace_id).
 * One line per call, written to stdout/stderr as Lambda expects.
 */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const LEVEL_ORDER: Record<LogLevel, number> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  readonly service: string;
  /** @default process.env.LOG_LEVEL ?? 'INFO' */
  readonly level?: LogLevel;
  /** Where lines go. @default console */
  readonly sink?: (level: LogLevel, line: string) => void;
}

function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const fields: Record<string, unknown> = { name: err.name, message: err.message };
  if ('code' in err) fields.code = (err as { code: unknown }).code;
  if (err.stack) fields.stack = err.stack;
  if (err.cause !== undefined) fields.cause = serializeError(err.cause);
  return fields;
}

const defaultSink = (level: LogLevel, line: string): void => {
  if (level === 'ERROR' || level === 'WARN') process.stderr.write(line + '\n');
  else process.stdout.write(line + '\n');
};

function parseLevel(value: string | undefined): LogLevel {
  const upper = (value ?? '').toUpperCase();
  return upper in LEVEL_ORDER ? (upper as LogLevel) : 'INFO';
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = LEVEL_ORDER[options.level ?? parseLevel(process.env.LOG_LEVEL)];
  const sink = options.sink ?? defaultSink;
  const log = (level: LogLevel, message: string, fields: Record<string, unknown> = {}): void => {
    if (LEVEL_ORDER[level] < threshold) return;
    const entry: Record<string, unknown> = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: options.service,
    };
    const trace = process.env._X_AMZN_TRACE_ID;
    if (trace) entry.xray_trace_id = trace;
    for (const [k, v] of Object.entries(fields)) entry[k] = k === 'error' ? serializeError(v) : v;
    sink(level, JSON.stringify(entry));
  };
  return {
    debug: (m, f) => log('DEBUG', m, f),
    info: (m, f) => log('INFO', m, f),
    warn: (m, f) => log('WARN', m, f),
    error: (m, f) => log('ERROR', m, f),
  };
}

/** A logger that drops everything: for CLIs and benchmarks. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
