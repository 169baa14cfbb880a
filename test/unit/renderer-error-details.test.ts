import { describe, expect, it } from 'vitest';
import { describeError } from '../../renderer/src/lib/error-text';

describe('an error with technical detail', () => {
  it('keeps the plain words as the body and the technical report apart, for the disclosure', () => {
    expect(
      describeError({
        kind: 'corrupt',
        message: 'Part of your data file is damaged.',
        detail: 'SQLite quick_check: *** in database main *** Tree 48 page 48',
      }),
    ).toEqual({
      title: 'The data file is damaged',
      body: 'Part of your data file is damaged.',
      detail: 'SQLite quick_check: *** in database main *** Tree 48 page 48',
    });
  });

  it('has no detail when the error carries none', () => {
    expect(describeError({ kind: 'storage', message: 'The disk is full.' }).detail).toBeNull();
  });
});
