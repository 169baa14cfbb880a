import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../ipc/contract';
import type { Result } from '../../ipc/errors';
import { StoryAutosave } from '../../renderer/src/pages/stories/story-autosave';
import { storyDraftKey } from '../../renderer/src/pages/stories/story-draft';
import type { StoryDetailDto } from '../../renderer/src/pages/stories/story-types';
import { memoryStorage, storyFixture } from './renderer-story-fixture';

type Timer = ReturnType<typeof setTimeout>;

function setup(reply: (request: RequestOf<'stories:update'>) => StoryDetailDto) {
  const storage = memoryStorage();
  const sent: RequestOf<'stories:update'>[] = [];
  const timers = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const autosave = new StoryAutosave(storyFixture(), {
    storage,
    update: (request) => {
      sent.push(request);
      return Promise.resolve<Result<StoryDetailDto>>({ ok: true, value: reply(request) });
    },
    onChange: () => undefined,
    setTimer: (run, ms) => {
      const id = next++;
      timers.set(id, { run, ms });
      return id as unknown as Timer;
    },
    clearTimer: (handle) => void timers.delete(handle as unknown as number),
  });
  const fire = async () => {
    const due = [...timers.values()];
    timers.clear();
    for (const t of due) t.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { storage, sent, timers, autosave, fire };
}

describe('story autosave', () => {
  it('mirrors each keystroke locally at once and saves after a pause well under 500 ms', async () => {
    const { storage, sent, timers, autosave, fire } = setup((r) =>
      storyFixture({ narrative: r.changes.narrative ?? '', updatedAt: '2025-11-26T09:01:00.000Z' }),
    );
    autosave.change({ narrative: 'She waited four hours.' });
    expect(storage.items.get(storyDraftKey(autosave.story.id))).toContain('She waited four hours.');
    expect([...timers.values()].every((t) => t.ms < 500)).toBe(true);
    expect(sent).toEqual([]);
    await fire();
    expect(sent).toEqual([{ id: autosave.story.id, changes: { narrative: 'She waited four hours.' } }]);
    expect(autosave.status.state).toBe('saved');
    // Saved, so the local copy is no longer needed.
    expect(storage.items.has(storyDraftKey(autosave.story.id))).toBe(false);
  });

  it('takes the quotes the service re-anchored after a narrative edit', async () => {
    const moved = [{ start: 27, end: 47, text: 'Nobody told her why.', matches: true }];
    const { autosave, fire } = setup((r) =>
      storyFixture({
        narrative: r.changes.narrative ?? '',
        quotes: moved,
        updatedAt: '2025-11-26T09:02:00.000Z',
      }),
    );
    autosave.change({ narrative: `Mrs ${storyFixture().narrative}` });
    await fire();
    expect(autosave.fields.quotes).toEqual([{ start: 27, end: 47, text: 'Nobody told her why.' }]);
  });

  it('flush saves what is waiting and returns the stored story, for the read-back fingerprint', async () => {
    const { autosave } = setup(() =>
      storyFixture({ textHash: 'b'.repeat(64), updatedAt: '2025-11-26T09:03:00.000Z' }),
    );
    autosave.change({ title: 'A very long wait' });
    const stored = await autosave.flush();
    expect(stored?.textHash).toBe('b'.repeat(64));
  });

  it('takes tags saved beside the text without losing what is being typed, and ignores an older answer', async () => {
    const { autosave } = setup(() => storyFixture());
    const tagged = storyFixture({
      sentimentConfirmed: 'negative',
      updatedAt: '2025-11-26T09:05:00.000Z',
    });
    autosave.change({ narrative: 'Still being typed' });
    autosave.refresh(tagged);
    expect(autosave.story.sentimentConfirmed).toBe('negative');
    expect(autosave.fields.narrative).toBe('Still being typed');
    autosave.refresh(storyFixture({ sentimentConfirmed: null, updatedAt: '2025-11-26T09:04:00.000Z' }));
    expect(autosave.story.sentimentConfirmed).toBe('negative');
  });
});
