// The staff-names list as the settings page edits it: one name a line in a text box. Blank
// lines are ignored rather than refused, and an error about the nth name is reported against
// the line it is on. DOM-free, unit-tested.
import type { StorageLike } from '../../lib/draft-store';

export type NamesFromText = {
  names: string[];
  /** The line (counted from 1) each name came from. */
  lines: number[];
};

export function namesFromText(text: string): NamesFromText {
  const names: string[] = [];
  const lines: number[] = [];
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const name = line.trim();
    if (name === '') return;
    names.push(name);
    lines.push(index + 1);
  });
  return { names, lines };
}

export function textFromNames(names: readonly string[]): string {
  return names.join('\n');
}

/** "Line 4: …" for an error about `names.3`; the message alone for the list as a whole. */
export function lineErrorMessage(
  field: string | undefined,
  message: string,
  lines: readonly number[],
): string {
  const at = /^names\.(\d+)/.exec(field ?? '');
  const line = at?.[1] === undefined ? undefined : lines[Number(at[1])];
  return line === undefined ? message : `Line ${line}: ${message}`;
}

/** What is typed and not yet saved, kept on this computer so a closed window loses nothing. */
export const STAFF_NAMES_DRAFT_KEY = 'pxr:staff-names-draft';

/** The local copy of the staff-names box, in `storage` (the window's localStorage in the app). */
export function staffNamesDraft(storage: StorageLike) {
  return {
    /** The text to open with: an unsaved local copy when there is one that differs, else the stored list. */
    restore(storedText: string): { text: string; unsaved: boolean } {
      const draft = storage.getItem(STAFF_NAMES_DRAFT_KEY);
      return draft === null || draft === storedText
        ? { text: storedText, unsaved: false }
        : { text: draft, unsaved: true };
    },
    keep(text: string): void {
      try {
        storage.setItem(STAFF_NAMES_DRAFT_KEY, text);
      } catch {
        // A full or unavailable storage must not stop typing; the autosave still runs.
      }
    },
    clear(): void {
      storage.removeItem(STAFF_NAMES_DRAFT_KEY);
    },
  };
}
