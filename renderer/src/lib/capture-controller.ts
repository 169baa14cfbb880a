// The capture form's brain, outside React: one active draft (what the form shows) plus drafts
// that were left behind by "Save and start another" or Edit and are still being saved. React
// subscribes through useSyncExternalStore. DOM-free (storage, API and clock are passed in).
import type { ObservationDto, RequestOf, RoundDetailDto } from '../../../ipc/contract';
import type { AppErrorShape, Result } from '../../../ipc/errors';
import { planRestore } from './draft-restore';
import { DraftSaver, type DraftSaverDeps } from './draft-saver';
import type { SaveStatus } from './save-schedule';
import { fieldsOf, type Draft, type DraftFields, type DraftStore } from './draft-store';

export type CaptureSnapshot = {
  draft: Draft;
  status: SaveStatus;
  /** Earlier drafts not yet in the database, and the last problem saving them. */
  backgroundUnsaved: number;
  backgroundError: AppErrorShape | null;
  /** When any draft last reached the database, for "Saved at 09:41" after the form clears. */
  lastSavedAt: Date | null;
};

export type CaptureDeps = {
  store: DraftStore;
  create: (request: RequestOf<'observations:create'>) => Promise<Result<ObservationDto>>;
  update: (request: RequestOf<'observations:update'>) => Promise<Result<ObservationDto>>;
  onSaved: (observation: ObservationDto) => void;
  newKey: () => string;
  now?: () => Date;
  saverOptions?: Pick<DraftSaverDeps, 'setTimer' | 'clearTimer' | 'debounceMs' | 'retryDelaysMs'>;
};

/** New drafts start as something heard from a patient: what matters to patients is what a round is for. */
const DEFAULT_KIND = 'heard' as const;
const DEFAULT_SOURCE = 'patient' as const;

export class CaptureController {
  private active: DraftSaver;
  private readonly background = new Map<string, DraftSaver>();
  private readonly listeners = new Set<() => void>();
  private snapshot: CaptureSnapshot;
  private backgroundError: AppErrorShape | null = null;
  private lastSavedAt: Date | null = null;
  private readonly pendingRestore: Draft[];
  private readonly now: () => Date;

  constructor(
    private readonly round: RoundDetailDto,
    private readonly deps: CaptureDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    const plan = planRestore(deps.store.read(), round);
    for (const key of plan.discard) deps.store.remove(key);
    this.pendingRestore = plan.background;
    const lastArea = round.areas.at(-1)?.areaId ?? '';
    this.active = this.makeSaver(
      plan.active ??
        this.newDraft({
          areaId: lastArea,
          kind: DEFAULT_KIND,
          source: DEFAULT_SOURCE,
          text: '',
          promptId: null,
        }),
    );
    deps.store.put(this.active.current, { active: true });
    this.snapshot = this.buildSnapshot();
  }

  /** Saves whatever the last session left unsaved. Separate from the constructor so that
   *  rendering never starts network requests. Safe to call more than once. */
  start(): void {
    for (const draft of this.pendingRestore.splice(0)) {
      const saver = this.makeSaver(draft);
      this.background.set(draft.key, saver);
      void saver.flush();
    }
    if (this.active.needsSave) void this.active.flush();
    this.emit();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CaptureSnapshot => this.snapshot;

  change(patch: Partial<DraftFields>): void {
    this.active.change({ ...this.active.current.fields, ...patch });
    this.emit();
  }

  /** Finishes the current observation (its save carries on in the background) and clears the
   *  form for the next one in the same area. Kind and from whom start again from the defaults, so
   *  the next one is never filed as a quote from a patient just because the last one was, unless
   *  the person chose to keep them (the form then says so beside the text box). */
  startAnother(options: { keepKindAndSource: boolean } = { keepKindAndSource: false }): void {
    const { areaId, kind, source } = this.active.current.fields;
    const kept = options.keepKindAndSource
      ? { kind, source }
      : { kind: DEFAULT_KIND, source: DEFAULT_SOURCE };
    this.replaceActive(this.newDraft({ areaId, ...kept, text: '', promptId: null }));
  }

  edit(observation: ObservationDto): void {
    if (this.active.current.observationId === observation.id) return;
    const key = this.keyFor(observation.id);
    const stillSaving = key === undefined ? undefined : this.background.get(key);
    if (key !== undefined && stillSaving !== undefined) {
      // Its last words may not be in the database yet: carry on from the draft, not the copy.
      this.background.delete(key);
      stillSaving.markEditing();
      this.swapActive(stillSaving);
      return;
    }
    const fields = fieldsOf(observation);
    const now = this.now().toISOString();
    this.replaceActive({
      key: this.deps.newKey(),
      observationId: observation.id,
      fields,
      revision: 0,
      savedRevision: 0,
      savedFields: fields,
      baseUpdatedAt: observation.updatedAt,
      startedAt: now,
      changedAt: now,
      purpose: 'edit',
    });
  }

  /** Makes a newly added area the current one. A half-written observation stays in the area it
   *  was written in; the form moves on to a fresh draft. */
  moveToArea(areaId: string): void {
    const { fields, observationId } = this.active.current;
    if (observationId === null && fields.text.trim() === '') this.change({ areaId });
    else this.replaceActive(this.newDraft({ ...fields, areaId, text: '', promptId: null }));
  }

  /** The observation was deleted: drop any draft of it. */
  forget(observationId: string): void {
    for (const [key, saver] of this.background) {
      if (saver.current.observationId === observationId) {
        saver.cancel();
        this.background.delete(key);
        this.deps.store.remove(key);
      }
    }
    if (this.active.current.observationId === observationId) {
      this.active.cancel();
      const { areaId, kind, source } = this.active.current.fields;
      this.deps.store.remove(this.active.current.key);
      this.active = this.makeSaver(this.newDraft({ areaId, kind, source, text: '', promptId: null }));
      this.deps.store.put(this.active.current, { active: true });
    }
    this.emit();
  }

  /** Saves everything now, e.g. before completing the round; true when all of it is saved. */
  async flushAll(): Promise<boolean> {
    const results = await Promise.all([
      this.active.flush(),
      ...[...this.background.values()].map((s) => s.flush()),
    ]);
    return results.every(Boolean);
  }

  private replaceActive(next: Draft): void {
    this.deps.store.put(next, { active: true });
    this.swapActive(this.makeSaver(next));
  }

  private swapActive(saver: DraftSaver): void {
    const previous = this.active;
    this.active = saver;
    this.deps.store.setActive(saver.current.key);
    this.retire(previous);
    this.emit();
  }

  private retire(saver: DraftSaver): void {
    if (!saver.needsSave) {
      saver.cancel();
      this.deps.store.remove(saver.current.key);
      return;
    }
    this.background.set(saver.current.key, saver);
    void saver.flush();
  }

  private makeSaver(draft: Draft): DraftSaver {
    const saver: DraftSaver = new DraftSaver(draft, {
      ...this.deps.saverOptions,
      roundId: this.round.id,
      create: this.deps.create,
      update: this.deps.update,
      now: this.now,
      persist: (d) => this.deps.store.put(d),
      onSaved: (observation) => this.deps.onSaved(observation),
      onStatus: (status) => {
        if (status.state === 'saved') this.lastSavedAt = status.at;
        // Which saver is active is checked when the status arrives, not when the saver was made,
        // because a draft moves between the form and the background.
        if (this.active === saver) {
          this.emit();
          return;
        }
        if (status.state === 'saved' && !saver.needsSave) {
          this.background.delete(saver.current.key);
          this.deps.store.remove(saver.current.key);
        }
        if (status.state === 'retrying' || status.state === 'failed') this.backgroundError = status.error;
        if (this.background.size === 0) this.backgroundError = null;
        this.emit();
      },
    });
    return saver;
  }

  private keyFor(observationId: string): string | undefined {
    for (const [key, saver] of this.background) if (saver.current.observationId === observationId) return key;
    return undefined;
  }

  private newDraft(fields: DraftFields): Draft {
    const now = this.now().toISOString();
    return {
      key: this.deps.newKey(),
      observationId: null,
      fields,
      revision: 0,
      savedRevision: 0,
      savedFields: null,
      baseUpdatedAt: null,
      startedAt: now,
      changedAt: now,
      purpose: 'new',
    };
  }

  private buildSnapshot(): CaptureSnapshot {
    return {
      draft: this.active.current,
      status: this.active.currentStatus,
      backgroundUnsaved: this.background.size,
      backgroundError: this.backgroundError,
      lastSavedAt: this.lastSavedAt,
    };
  }

  private emit(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}
