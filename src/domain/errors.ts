import { z } from 'zod';

/**
 * Every failure that reaches a user is one of these codes, with a message a person can act on.
 * Resolvers answer `{ ok: false, error }`; the local host maps the code to an HTTP status.
 */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  /** Stored settings exist but do not parse: an admin must fix or restore them. */
  'CONFIG_UNREADABLE',
  /** The data asked for is being prepared (a portfolio's first snapshot): ask again shortly. */
  'NOT_READY',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  /**
   * `options.cause`: the failure this error reports (a network error, a storage limit), kept for the
   * logs. It never reaches the user: `toJSON` leaves it out.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toJSON(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  CONFIG_UNREADABLE: 500,
  NOT_READY: 503,
  INTERNAL: 500,
};

/** Turns zod issues into a short list a person can read: "payload.limit: expected number". */
export function describeZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `value` with `schema`, or throws a BAD_REQUEST AppError naming what was wrong. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = describeZodIssues(result.error);
    const first = issues[0];
    throw new AppError('BAD_REQUEST', `Invalid ${what}${first ? `: ${first.path}: ${first.message}` : ''}`, {
      issues,
    });
  }
  return result.data;
}
