import type { RequestOf, StoryDetailDto } from '../../ipc/contract';
import { beforeEach } from 'vitest';
import { contextForEachTest, type TestContext } from './test-context';

/** A clock the test moves by hand; pass `clock.now` to createTestContext. */
export function settableClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next: string) => {
      current = new Date(next);
    },
  };
}

/**
 * Before each test, a fresh database on a clock set back to `start`, handed to `use`; disposed
 * after the test. Returns the clock, for tests that move time on.
 */
export function freshContextEach(start: string, use: (ctx: TestContext) => void) {
  const clock = settableClock(start);
  // Hooks run in the order they are registered: the clock is set back before the context opens.
  beforeEach(() => clock.set(start));
  contextForEachTest(use, { now: clock.now });
  return clock;
}

/** A theme and an equality group with its impact, as a story about a carer might be tagged. */
export const CARER_STORY_TAGS = {
  tags: [
    { frameworkId: 'trust-key-themes', tagId: 'listen-and-learn' },
    { frameworkId: 'equality-groups', tagId: 'carers', impact: 'negative' },
  ],
  equalityStatus: 'recorded',
} as const satisfies Pick<RequestOf<'tagging:set-item-tags'>, 'tags' | 'equalityStatus'>;

export async function writeStory(
  ctx: TestContext,
  overrides: Partial<RequestOf<'stories:create'>> = {},
): Promise<StoryDetailDto> {
  return ctx.call('stories:create', {
    title: 'Waiting for results',
    storyteller: 'patient',
    author: 'Dr Ada Obi',
    narrative: 'The nurses were kind.\n\nNobody told me when the scan results would come.',
    learningPoints: ['Tell people when to expect their results'],
    ...overrides,
  });
}

/** Written consent given on 1 March 2026 to PEIG, anonymised, unless overridden. */
export function consentRequest(
  id: string,
  overrides: Partial<Omit<RequestOf<'stories:record-consent'>, 'id'>> = {},
): RequestOf<'stories:record-consent'> {
  return {
    id,
    givenOn: '2026-03-01',
    method: 'written',
    recordedBy: 'Dr Ada Obi',
    scopes: ['peig'],
    identity: 'anonymised',
    ...overrides,
  };
}

export async function recordConsent(
  ctx: TestContext,
  id: string,
  overrides: Partial<Omit<RequestOf<'stories:record-consent'>, 'id'>> = {},
): Promise<StoryDetailDto> {
  return ctx.call('stories:record-consent', consentRequest(id, overrides));
}

export async function readBack(
  ctx: TestContext,
  story: Pick<StoryDetailDto, 'id' | 'textHash'>,
  overrides: Partial<Omit<RequestOf<'stories:record-read-back'>, 'id'>> = {},
): Promise<StoryDetailDto> {
  return ctx.call('stories:record-read-back', {
    id: story.id,
    checkedOn: '2026-03-02',
    method: 'phone',
    textHash: story.textHash,
    ...overrides,
  });
}

/** A story with consent (PEIG, anonymised unless overridden), read back and approved. */
export async function approvedStory(
  ctx: TestContext,
  consent: Partial<Omit<RequestOf<'stories:record-consent'>, 'id'>> = {},
): Promise<StoryDetailDto> {
  const story = await writeStory(ctx);
  await recordConsent(ctx, story.id, consent);
  await readBack(ctx, story);
  return ctx.call('stories:approve', { id: story.id });
}

export type AuditEntry = { action: string; entity: string; entity_id: string; detail: string };

export function auditEntries(ctx: TestContext, entityId: string): AuditEntry[] {
  return ctx.store.sqlite
    .prepare('SELECT action, entity, entity_id, detail FROM audit_log WHERE entity_id = ? ORDER BY seq')
    .all(entityId) as AuditEntry[];
}

/**
 * An approved story whose consent was recorded, before uses became levels, for staff training
 * alone: it does not cover PEIG. Such records still exist, and reports must account for them.
 */
export async function approvedStoryForTrainingOnly(ctx: TestContext): Promise<StoryDetailDto> {
  const story = await approvedStory(ctx);
  ctx.store.sqlite
    .prepare('UPDATE story_consents SET scopes = ? WHERE story_id = ?')
    .run(JSON.stringify(['staff_training']), story.id);
  return ctx.call('stories:get', { id: story.id });
}
