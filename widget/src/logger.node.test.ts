import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger, logLevel, setLogLevel } from './logger.ts';

afterEach(() => {
  setLogLevel('error');
  vi.restoreAllMocks();
});

describe('logger', () => {
  it('shows set-up mistakes and hides run-time noise by default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    expect(logLevel()).toBe('error');
    logger.error('Lectern: missing data-site');
    logger.warn('listener failed');
    logger.debug('peer open');
    expect(error).toHaveBeenCalledWith('Lectern: missing data-site');
    expect(warn).not.toHaveBeenCalled();
    expect(debug).not.toHaveBeenCalled();
  });

  it('writes every level up to the one set, and nothing when silent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    setLogLevel('warn');
    logger.warn('a');
    logger.debug('b');
    expect(warn).toHaveBeenCalledWith('a');
    expect(debug).not.toHaveBeenCalled();
    setLogLevel('debug');
    logger.debug('c');
    expect(debug).toHaveBeenCalledWith('c');
    setLogLevel('silent');
    logger.error('d');
    expect(error).not.toHaveBeenCalled();
  });

  it('refuses an unknown level', () => {
    expect(() => setLogLevel('verbose' as never)).toThrow(/expected one of silent, error, warn, debug/);
  });
});
