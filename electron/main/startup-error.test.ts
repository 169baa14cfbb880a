import { describe, expect, it } from 'vitest';
import { AppError } from '../../ipc/errors';
import { describeStartupError } from './startup-error';

describe('a startup error', () => {
  it('from a newer database keeps its plain message under a plain title', () => {
    const error = new AppError(
      'newer_database',
      'This data was saved by a newer version of PX Rounds. Please update.',
    );
    expect(describeStartupError(error)).toEqual({
      title: 'This data needs a newer version of PX Rounds',
      message: 'This data was saved by a newer version of PX Rounds. Please update.',
    });
  });

  it('from a migration edited since the data was upgraded keeps its message under its own title', () => {
    const error = new AppError(
      'changed_migration',
      'Step 6, "0005_clearance_settings", differs. Nothing has been changed.',
    );
    expect(describeStartupError(error)).toEqual({
      title: 'This copy of PX Rounds does not match your data',
      message: error.message,
    });
  });

  it('from a wrong key or damaged file says the data file is damaged', () => {
    const error = new AppError('corrupt', 'The data file could not be unlocked. Nothing has been changed.');
    expect(describeStartupError(error).title).toBe('The data file is damaged');
  });

  it('from a missing key store says what to do', () => {
    const error = new AppError('storage', 'This computer’s secure key store is not available.');
    expect(describeStartupError(error)).toEqual({
      title: 'Your work could not be saved',
      message: 'This computer’s secure key store is not available.',
    });
  });

  it('from a database module built for another runtime asks for a reinstall', () => {
    const error = Object.assign(
      new Error('The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.'),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    const text = describeStartupError(error);
    expect(text.title).toBe('PX Rounds is not installed correctly');
    expect(text.message).toContain('reinstall');
  });

  it('from anything else says nothing was changed and carries the detail for the service desk', () => {
    const text = describeStartupError(new Error('EACCES: permission denied'));
    expect(text.title).toBe('PX Rounds could not start');
    expect(text.message).toContain('Nothing has been changed');
    expect(text.message).toContain('EACCES: permission denied');
    expect(describeStartupError('a string').message).toContain('a string');
  });
});
