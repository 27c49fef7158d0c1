import { AppError } from './errors';

describe('AppError', () => {
  it('keeps the failure it reports as its cause, and never sends it to the user', () => {
    const cause = new Error('KVS value for config:version:00000003 is 300000 bytes');
    const error = new AppError(
      'PAYLOAD_TOO_LARGE',
      'The settings are too large to be stored as one version',
      { limit: 'one stored value of 240 KiB' },
      { cause },
    );
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The settings are too large to be stored as one version',
      details: { limit: 'one stored value of 240 KiB' },
    });
    expect(JSON.stringify(error)).not.toContain('300000 bytes');
  });
});
