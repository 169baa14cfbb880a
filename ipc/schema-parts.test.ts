import { describe, expect, it } from 'vitest';
import { channels } from './contract';
import { findUnstorableText, isStorableText, requiredText, roundStartTime } from './schema-parts';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error!.issues[0]!.message;

describe('text that cannot be stored as sent', () => {
  it('refuses a lone surrogate, which SQLite would read back as a replacement character', () => {
    expect(isStorableText('\uD800x')).toBe(false);
    expect(isStorableText('x\uDC00')).toBe(false);
    expect(isStorableText('a NUL \0 inside')).toBe(false);
  });

  it('accepts any well-formed text, emoji (a surrogate pair) included', () => {
    expect(isStorableText('Ward 7 — “calm” 😊')).toBe(true);
  });

  it('finds the path of the first unstorable string in a request, keys included', () => {
    expect(findUnstorableText({ id: 'x', changes: { text: 'ok', promptId: '\uD800' } })).toEqual([
      'changes',
      'promptId',
    ]);
    expect(findUnstorableText({ team: [{ name: 'a' }, { name: '\uDBFFx' }] })).toEqual(['team', '1', 'name']);
    expect(findUnstorableText({ ['\uD800']: 1 })).toEqual(['\uD800']);
    expect(findUnstorableText({ text: 'fine', list: [1, null, true] })).toBeNull();
  });
});

describe('required text', () => {
  const site = requiredText('the site', 200);

  it('treats NUL-only, and NUL mixed with spaces, as empty', () => {
    expect(firstMessage(site.safeParse('\0'))).toBe('Enter the site');
    expect(firstMessage(site.safeParse(' \0 \0\t'))).toBe('Enter the site');
  });

  it('refuses a lone surrogate as not valid text', () => {
    expect(firstMessage(site.safeParse('Ward \uD800x'))).toBe(
      'the site contains characters that are not valid text',
    );
  });

  it('still accepts ordinary text and trims it', () => {
    expect(site.parse('  Ward 7 ')).toBe('Ward 7');
  });
});

describe('when a round starts', () => {
  it('refuses years 0000 and 9999, and any outside 2000-2100', () => {
    const message = 'The start date must be between the years 2000 and 2100';
    expect(firstMessage(roundStartTime.safeParse('0000-01-01T10:00:00.000Z'))).toBe(message);
    expect(firstMessage(roundStartTime.safeParse('9999-12-31T10:00:00.000Z'))).toBe(message);
    expect(firstMessage(roundStartTime.safeParse('1999-12-31T23:59:59.000Z'))).toBe(message);
    expect(firstMessage(roundStartTime.safeParse('2101-01-01T00:00:00.000Z'))).toBe(message);
  });

  it('accepts the first and last years of the range', () => {
    expect(roundStartTime.safeParse('2000-01-01T00:00:00.000Z').success).toBe(true);
    expect(roundStartTime.safeParse('2100-12-31T23:59:59.000+01:00').success).toBe(true);
  });

  it('is what rounds:create checks', () => {
    const request = { startsAt: '9999-01-01T10:00:00.000Z', site: 'Ward 7', templateId: null, team: [] };
    expect(firstMessage(channels['rounds:create'].request.safeParse(request))).toBe(
      'The start date must be between the years 2000 and 2100',
    );
  });
});
