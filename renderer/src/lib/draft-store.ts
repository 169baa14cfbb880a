// The keystroke-by-keystroke copy of observation drafts, kept in localStorage so that nothing
// typed is lost if the window crashes or reloads before the autosave reaches the database.
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

export class DraftStore {
  // What this store last wrote or read, parsed. Each key typed reads the stored drafts before
  // writing them back (another window of the same round may have written its own since); when
  // they are as this store left them, parsing and checking them again would only cost time.
  private lastRaw: string | null = null;
  private lastParsed: StoredDrafts = EMPTY;

  constructor(
    private readonly storage: StorageLike,
    private readonly roundId: string,
  ) {}

  read(): StoredDrafts {
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

  /** Synchronous on purpose: it runs inside the keystroke's event handler. */
  put(draft: Draft, options: { active?: boolean } = {}): void {
    const current = this.read();
    this.write({
      activeKey: options.active === true ? draft.key : current.activeKey,
      drafts: { ...current.drafts, [draft.key]: draft },
    });
  }

  setActive(key: string | null): void {
    this.write({ ...this.read(), activeKey: key });
  }

  remove(key: string): void {
    const current = this.read();
    const { [key]: _removed, ...drafts } = current.drafts;
    this.write({ activeKey: current.activeKey === key ? null : current.activeKey, drafts });
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
