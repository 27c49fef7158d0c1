import { createConsoleLogger } from './logger';

describe('the console logger (what Forge keeps as the app logs)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one line with level, message and fields, then the failure with its cause', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = new Error('compliance property not written', { cause: new Error('socket hang up') });
    createConsoleLogger().warn('could not update the compliance property', { issueKey: 'ABC-1' }, failure);
    expect(warn).toHaveBeenCalledWith(
      '[pmo] warn: could not update the compliance property {"issueKey":"ABC-1"}',
      failure,
    );
  });

  it('leaves out events below its level and writes errors to console.error', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const logger = createConsoleLogger({ minLevel: 'warn' });
    logger.debug('snapshot cache miss');
    logger.info('refresh run started');
    logger.error('resolver failed', { resolver: 'listProjects' });
    expect(log).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith('[pmo] error: resolver failed {"resolver":"listProjects"}');
  });
});
