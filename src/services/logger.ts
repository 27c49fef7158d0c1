/**
 * The logging port. Use cases log what a developer needs to follow a problem in Forge's logs
 * (`forge logs`) or the local host's output; no person using the app sees these events.
 *
 * No personal data: messages and fields name things the app owns (issue keys, versions, job kinds,
 * resolver names, error codes), never account ids, names, e-mail addresses or issue summaries.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The fields of one event: plain values only, so nothing personal slips in inside an object. */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  /** `error`: the failure behind the event, logged with its stack and causes. */
  warn(message: string, fields?: LogFields, error?: unknown): void;
  error(message: string, fields?: LogFields, error?: unknown): void;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Writes to the console, which Forge keeps as the app's logs and the local host prints: one line
 * `[pmo] level: message {"field":"value"}`, then the error (Node prints its `cause` chain).
 */
export function createConsoleLogger(options: { minLevel?: LogLevel } = {}): Logger {
  const min = LEVELS.indexOf(options.minLevel ?? 'info');
  const write =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}, error?: unknown): void => {
      if (LEVELS.indexOf(level) < min) return;
      const shownFields = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
      const line = `[pmo] ${level}: ${message}${shownFields}`;
      const args: unknown[] = error === undefined ? [line] : [line, error];
      if (level === 'error') console.error(...args);
      else if (level === 'warn') console.warn(...args);
      else console.log(...args);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** One event as the recording logger keeps it. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  fields: LogFields;
  error?: unknown;
}

export type RecordingLogger = Logger & { readonly entries: LogEntry[] };

/** Keeps every event in `entries` and writes nothing: tests assert on what was logged. */
export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const record =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}, error?: unknown): void => {
      entries.push(error === undefined ? { level, message, fields } : { level, message, fields, error });
    };
  return {
    entries,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}
