// The keystroke-by-keystroke copy of observation drafts, kept in localStorage so that nothing
// typed is lost if the window crashes or reloads before the autosave reaches the database. In the
// app each key's change is written just after the frame that shows it (and at once when the page
// is hidden or closed), not inside the key's own event handler.
// DOM-free: it takes a Storage-like object, so it runs under Node in unit tests.
import { z } from 'zod';
import {
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  type ObservationDto,
  type ObservationKind,
  type ObservationSource,
} from '../../../ipc/contract';

export type DraftFields = {
  areaId: string;
  kind: ObservationKind;
  source: ObservationSource;
  text: string;
  promptId: string | null;
};

export type Draft = {
  /** Local identity of the draft, stable across reloads. */
  key: string;
  /** Set once the database has the observation; from then on saves are updates. */
  observationId: string | null;
  fields: DraftFields;
  /** Bumped on every change; `savedRevision` catches up when a save lands. */
  revision: number;
  savedRevision: number;
  /** What the database holds, so updates send only what changed. */
  savedFields: DraftFields | null;
  /** The database's `updatedAt` after our last save, to tell whether someone saved after us. */
  baseUpdatedAt: string | null;
  /** When the draft began (ISO), used to recognise a create whose answer was lost in a crash. */
  startedAt: string;
  /** A new observation being captured, or an existing one loaded for editing. */
  purpose: 'new' | 'edit';
  /** When it last changed here (ISO), to decide on reload whether it is newer than the saved copy. */
  changedAt: string;
};

/** The part of the Web Storage API used here, spelled out so Node tests need no DOM types. */
export type StorageLike = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

type StoredDrafts = { activeKey: string | null; drafts: Record<string, Draft> };

const EMPTY: StoredDrafts = { activeKey: null, drafts: {} };

export const draftStorageKey = (roundId: string) => `pxr:drafts:${roundId}`;

export function hasUnsavedChanges(draft: Draft): boolean {
  return draft.revision > draft.savedRevision;
}

export function fieldsOf(observation: ObservationDto): DraftFields {
  return {
    areaId: observation.areaId,
    kind: observation.kind,
    source: observation.source,
    text: observation.text,
    promptId: observation.promptId,
  };
}

/** Field-by-field difference, for `observations:update`'s `changes`. */
export function changedFields(before: DraftFields, after: DraftFields): Partial<DraftFields> {
  const changes: Partial<DraftFields> = {};
  if (before.areaId !== after.areaId) changes.areaId = after.areaId;
  if (before.kind !== after.kind) changes.kind = after.kind;
  if (before.source !== after.source) changes.source = after.source;
  if (before.text !== after.text) changes.text = after.text;
  if (before.promptId !== after.promptId) changes.promptId = after.promptId;
  return changes;
}

/** A change to the stored drafts, replayed on what is stored when it is written. */
type Change = (stored: StoredDrafts) => StoredDrafts;

export type DraftStoreOptions = {
  /**
   * Runs the write of the changes made since the last one, later: in the app, just after the frame
   * that shows the key typed, so the key's own work stays small. Without it, each change is written
   * at once. Either way `flush` writes what is waiting, e.g. as the page is hidden or closed.
   */
  defer?: (write: () => void) => void;
};

export class DraftStore {
  // What this store last wrote or read, parsed. The stored drafts are read again before each
  // write (another window of the same round may have written its own since); when they are as
  // this store left them, parsing and checking them again would only cost time.
  private lastRaw: string | null = null;
  private lastParsed: StoredDrafts = EMPTY;
  private waiting: Change[] = [];
  private readonly defer: ((write: () => void) => void) | undefined;

  constructor(
    private readonly storage: StorageLike,
    private readonly roundId: string,
    options: DraftStoreOptions = {},
  ) {
    this.defer = options.defer;
  }

  /** What is stored, with the changes still waiting to be written. */
  read(): StoredDrafts {
    return this.waiting.reduce((drafts, change) => change(drafts), this.readStored());
  }

  /** Called on every key typed. */
  put(draft: Draft, options: { active?: boolean } = {}): void {
    this.change((current) => ({
      activeKey: options.active === true ? draft.key : current.activeKey,
      drafts: { ...current.drafts, [draft.key]: draft },
    }));
  }

  setActive(key: string | null): void {
    this.change((current) => ({ ...current, activeKey: key }));
  }

  remove(key: string): void {
    this.change((current) => {
      const { [key]: _removed, ...drafts } = current.drafts;
      return { activeKey: current.activeKey === key ? null : current.activeKey, drafts };
    });
  }

  /** Writes the changes that are waiting, on top of what is stored now. */
  flush(): void {
    if (this.waiting.length === 0) return;
    const value = this.read();
    this.waiting = [];
    this.write(value);
  }

  private change(change: Change): void {
    if (this.defer === undefined) {
      this.write(change(this.readStored()));
      return;
    }
    this.waiting.push(change);
    if (this.waiting.length === 1) this.defer(() => this.flush());
  }

  private readStored(): StoredDrafts {
    let raw: string | null;
    try {
      raw = this.storage.getItem(draftStorageKey(this.roundId));
    } catch {
      return EMPTY;
    }
    if (raw === null) return EMPTY;
    if (raw === this.lastRaw) return this.lastParsed;
    try {
      const parsed = StoredDraftsSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) return EMPTY;
      this.remember(raw, parsed.data);
      return parsed.data;
    } catch {
      return EMPTY;
    }
  }

  private write(value: StoredDrafts): void {
    const key = draftStorageKey(this.roundId);
    try {
      if (value.activeKey === null && Object.keys(value.drafts).length === 0) {
        this.storage.removeItem(key);
        return;
      }
      const raw = JSON.stringify(value);
      this.storage.setItem(key, raw);
      this.remember(raw, value);
    } catch {
      // A full or disabled localStorage must not stop typing; the autosave still runs.
    }
  }

  private remember(raw: string, value: StoredDrafts): void {
    this.lastRaw = raw;
    this.lastParsed = value;
  }
}

// What comes back from localStorage may have been written by an older build (or edited by
// hand), so it is parsed rather than cast.
const DraftFieldsSchema = z.object({
  areaId: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  source: z.enum(OBSERVATION_SOURCES),
  text: z.string(),
  promptId: z.string().nullable(),
});
const DraftSchema = z.object({
  key: z.string(),
  observationId: z.string().nullable(),
  fields: DraftFieldsSchema,
  revision: z.number(),
  savedRevision: z.number(),
  savedFields: DraftFieldsSchema.nullable(),
  baseUpdatedAt: z.string().nullable(),
  startedAt: z.string(),
  changedAt: z.string(),
  purpose: z.enum(['new', 'edit']),
});
const StoredDraftsSchema = z.object({
  activeKey: z.string().nullable(),
  drafts: z.record(z.string(), DraftSchema),
});
