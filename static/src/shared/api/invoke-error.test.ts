import { InvokeError, toInvokeError, unwrapResult } from './invoke-error';

function caught(run: () => unknown): InvokeError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvokeError) return error;
    throw error;
  }
  throw new Error('expected an InvokeError');
}

describe('unwrapResult', () => {
  it('answers the data of a successful result, even when it is falsy', () => {
    expect(unwrapResult('listProjects', { ok: true, data: { projects: [] } })).toEqual({ projects: [] });
    expect(unwrapResult('x', { ok: true, data: null })).toBeNull();
  });

  it("throws the resolver's code, message and details", () => {
    const error = caught(() =>
      unwrapResult('getIssueOverview', {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'You cannot browse ABC', details: { project: 'ABC' } },
      }),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You cannot browse ABC',
      details: { project: 'ABC' },
    });
  });

  it('keeps a failure a failure when the error is malformed', () => {
    expect(caught(() => unwrapResult('k', { ok: false, error: { code: 'WAT', message: '' } }))).toMatchObject(
      {
        code: 'INTERNAL',
        message: 'k failed',
      },
    );
  });

  it('rejects answers that are not resolver results', () => {
    for (const answer of [undefined, null, 'ok', { data: 1 }, { ok: 'true', data: 1 }, { ok: false }]) {
      expect(caught(() => unwrapResult('k', answer)).code).toBe('BAD_RESPONSE');
    }
  });
});

describe('toInvokeError', () => {
  it('keeps InvokeErrors and wraps anything else as a bridge failure', () => {
    const original = new InvokeError('RATE_LIMITED', 'slow down');
    expect(toInvokeError(original)).toBe(original);
    expect(toInvokeError(new Error('Resolver has no definition for x'))).toMatchObject({
      code: 'BRIDGE_ERROR',
      message: 'Resolver has no definition for x',
    });
    expect(toInvokeError('boom').message).toBe('boom');
  });

  it("keeps the code a rejected bridge call carries, when it is one of the app's", () => {
    const rejected = Object.assign(new Error('There was an error invoking the function - Forbidden'), {
      code: 'FORBIDDEN',
    });
    expect(toInvokeError(rejected).code).toBe('FORBIDDEN');
    expect(toInvokeError(Object.assign(new Error('x'), { code: 'ECONNRESET' })).code).toBe('BRIDGE_ERROR');
  });
});
