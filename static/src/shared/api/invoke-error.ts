import { ErrorCode } from '@domain/errors';

/**
 * Codes a failed call can carry: the resolver's own error codes, plus two for failures that happen
 * before a resolver answers (the bridge itself failed, or the answer was not a resolver result).
 */
export type InvokeErrorCode = ErrorCode | 'BRIDGE_ERROR' | 'BAD_RESPONSE';

export class InvokeError extends Error {
  constructor(
    readonly code: InvokeErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set<InvokeErrorCode>([
  ...ErrorCode.options,
  'BRIDGE_ERROR',
  'BAD_RESPONSE',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isKnownCode(value: unknown): value is InvokeErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/**
 * Unwraps a resolver answer `{ ok: true, data }` or turns `{ ok: false, error }` into an InvokeError.
 * Anything else (the bridge answered something that is not a resolver result) is BAD_RESPONSE.
 */
export function unwrapResult<T>(key: string, answer: unknown): T {
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    return answer.data as T;
  }
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message, details } = answer.error;
    throw new InvokeError(
      isKnownCode(code) ? code : 'INTERNAL',
      typeof message === 'string' && message.length > 0 ? message : `${key} failed`,
      details,
    );
  }
  throw new InvokeError('BAD_RESPONSE', `The app's server answered ${key} with something unexpected.`);
}

/**
 * Any thrown value as an InvokeError. A rejected bridge call keeps its message, and its `code`
 * when it carries one of ours (the local host attaches it); otherwise it is BRIDGE_ERROR.
 */
export function toInvokeError(error: unknown): InvokeError {
  if (error instanceof InvokeError) return error;
  const message = error instanceof Error && error.message.trim() ? error.message.trim() : String(error);
  const code = isRecord(error) && isKnownCode(error.code) ? error.code : 'BRIDGE_ERROR';
  return new InvokeError(code, message);
}

/** A short title for an error, in words a Jira user understands. */
export function errorTitle(code: InvokeErrorCode): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'You need to log in again';
    case 'FORBIDDEN':
      return "You don't have permission to see this";
    case 'NOT_FOUND':
      return "We couldn't find what you were looking for";
    case 'RATE_LIMITED':
      return 'Jira is busy right now';
    case 'UPSTREAM_ERROR':
      return "We couldn't reach Jira";
    case 'BAD_REQUEST':
      return 'The request was not valid';
    case 'CONFLICT':
      return 'Someone else changed this at the same time';
    case 'NOT_READY':
      return 'The portfolio is being read from Jira';
    case 'PAYLOAD_TOO_LARGE':
      return 'That is too much data to send at once';
    case 'BRIDGE_ERROR':
      return "The app couldn't talk to Jira";
    case 'CONFIG_UNREADABLE':
      return 'The PMO settings need an admin';
    case 'BAD_RESPONSE':
    case 'INTERNAL':
      return 'Something went wrong';
  }
}
