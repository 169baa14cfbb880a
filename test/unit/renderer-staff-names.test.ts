import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../renderer/src/lib/routes';
import {
  lineErrorMessage,
  namesFromText,
  staffNamesDraft,
  textFromNames,
} from '../../renderer/src/pages/settings/staff-names-text';

describe('the staff names box', () => {
  it('reads one name a line, trimmed, skipping blank lines but remembering where each came from', () => {
    expect(namesFromText('Grace Okafor\r\n\n  Ade  \n\n')).toEqual({
      names: ['Grace Okafor', 'Ade'],
      lines: [1, 3],
    });
    expect(namesFromText('')).toEqual({ names: [], lines: [] });
    expect(textFromNames(['Grace Okafor', 'Ade'])).toBe('Grace Okafor\nAde');
  });

  it('reports a problem with a name against the line it is on', () => {
    const { lines } = namesFromText('Ade\n\nGrace');
    expect(lineErrorMessage('names.1', 'A name must be 100 characters or fewer', lines)).toBe(
      'Line 3: A name must be 100 characters or fewer',
    );
    expect(lineErrorMessage('names', 'The list can hold at most 2,000 names', lines)).toBe(
      'The list can hold at most 2,000 names',
    );
  });
});

describe('the unsaved copy of the staff names', () => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  };

  it('opens with what was typed and never saved, and with the stored list once it is saved', () => {
    const local = storage();
    const draft = staffNamesDraft(local);
    expect(draft.restore('Ade')).toEqual({ text: 'Ade', unsaved: false });
    draft.keep('Ade\nGrace');
    // Another page opening later reads the same copy.
    expect(staffNamesDraft(local).restore('Ade')).toEqual({ text: 'Ade\nGrace', unsaved: true });
    expect(draft.restore('Ade\nGrace')).toEqual({ text: 'Ade\nGrace', unsaved: false });
    draft.clear();
    expect(draft.restore('Ade')).toEqual({ text: 'Ade', unsaved: false });
  });
});

describe('the settings route', () => {
  it('reads and writes #/settings', () => {
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/settings/')).toEqual({ name: 'settings' });
    expect(hrefFor({ name: 'settings' })).toBe('#/settings');
  });
});
