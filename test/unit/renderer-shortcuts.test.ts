import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from '../../renderer/src/lib/shortcuts';

const press = (
  code: string,
  modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>>,
) => ({
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  code,
  ...modifiers,
});

describe('keyboard shortcuts to each part of the app', () => {
  it('gives every shortcut its own letter', () => {
    const letters = SHORTCUTS.map((s) => s.letter);
    expect(new Set(letters).size).toBe(letters.length);
  });

  it('answers Alt + Shift + a letter by the physical key, whatever the layout types', () => {
    expect(shortcutFor(press('KeyS', { altKey: true, shiftKey: true }))?.does).toBe('Search');
    expect(shortcutFor(press('KeyC', { altKey: true, shiftKey: true }))?.target).toEqual({ kind: 'capture' });
  });

  it('never fires on a letter typed alone, with Shift alone, or with Ctrl or Cmd as well', () => {
    expect(shortcutFor(press('KeyS', {}))).toBeNull();
    expect(shortcutFor(press('KeyS', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyS', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyS', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyS', { altKey: true, shiftKey: true, metaKey: true }))).toBeNull();
    expect(shortcutFor(press('KeyZ', { altKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('Digit1', { altKey: true, shiftKey: true }))).toBeNull();
  });
});
