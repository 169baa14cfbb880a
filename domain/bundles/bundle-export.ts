import type { BundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import type {
  ActionEventContentDto,
  BundleCountsDto,
  RoundContentDto,
  SignedUnitDto,
  StoryContentDto,
} from '../../ipc/bundle-units-schemas';
import { learningPointField } from '../stories/decision-remap';
import { decisionsFor } from '../exports/report-models/report-labels';
import { clearTextsForExport, PersonalDataRefusal } from '../exports/personal-data-gate';
import { findingKey } from '../personal-data/clearance';
import { PLACEHOLDERS } from '../personal-data/redact';
import { applyPlainWords } from '../plain-language/plain-replace';
import { scanPersonalData } from '../personal-data/scan-personal-data';
import type { SigningIdentity } from '../signing/signing-keys';
import { consentStateOf, londonDate } from '../stories/consent-rules';
import { parseLearningPoints, parseQuotes } from '../stories/story-text';
import type { Sendable } from '../sign-off/sign-off-as-sent';
import { CUSTOM_FRAMEWORK_ID } from '../tagging/tagging-service';
import { driversAsSent } from './sent-drivers';
import { sentSignOffs } from './sent-sign-offs';
import { derivedUuid, signUnit } from './signed-units';

// What a contributor's laptop puts in a bundle: its own signed-off rounds and stories as they may
// leave the app (every personal-data decision applied, so redacted text stays redacted, and the
// decisions travel with them), addenda, actions as events, and consent withdrawals. Stories
// that may not go to PEIG are left out and named with the reason. Records carry their own UUIDs;
// an action's events, which have none on the laptop, get ids derived from their facts, so the
// same event sent twice is recognised as one.

export type LeftOut = { kind: 'round' | 'story'; id: string; title: string; reason: string };
export type BundleContents = { units: SignedUnitDto[]; counts: BundleCountsDto; leftOut: LeftOut[] };
export type ContentWindow = { since: string | null; until: string; from: string | null; to: string | null };

type Context = {
  source: BundleSourceRepository;
  identity: SigningIdentity;
  staffNames: string[];
  now: Date;
};
type Vouch = ReturnType<typeof sentSignOffs>;

function redactRound(content: RoundContentDto, staffNames: string[]): RoundContentDto {
  const texts = clearTextsForExport(
    content.observations.map((o) => ({
      where: `The observation at ${o.capturedAt}`,
      text: o.text,
      decisions: decisionsFor(
        content.decisions.filter((d) => d.itemId === o.id),
        'text',
      ),
    })),
    { staffNames },
  );
  return {
    ...content,
    observations: content.observations.map((o, i) => {
      const text = texts[i] ?? '';
      return { ...o, text, sentimentDrivers: driversAsSent(o.sentimentDrivers, o.text, text) };
    }),
  };
}

function redactStory(content: StoryContentDto, staffNames: string[]): StoryContentDto {
  const { story } = content;
  const points = parseLearningPoints(story.learningPoints);
  const [title, narrative, ...learningPoints] = clearTextsForExport(
    [
      { where: 'The story’s title', text: story.title, decisions: decisionsFor(content.decisions, 'title') },
      { where: 'The story', text: story.narrative, decisions: decisionsFor(content.decisions, 'narrative') },
      ...points.map((text, i) => ({
        where: `Learning point ${i + 1}`,
        text,
        decisions: decisionsFor(content.decisions, learningPointField(i)),
      })),
    ],
    { staffNames },
  );
  // Quotes are passages of the narrative: what was removed from it is removed from them, and
  // each is found again in the redacted narrative.
  const redacted = new Set(
    decisionsFor(content.decisions, 'narrative')
      .filter((d) => d.decision === 'redacted')
      .map((d) => d.findingKey),
  );
  const replacements = scanPersonalData(story.narrative, { staffNames })
    .filter((f) => redacted.has(findingKey(f)))
    .map((f) => [f.text, PLACEHOLDERS[f.kind]] as const);
  // Jargon replaced at review is replaced in them too.
  const plainWords = decisionsFor(content.decisions, 'narrative');
  const quotes = parseQuotes(story.quotes).map((q) => {
    const redacted = replacements.reduce((t, [from, to]) => t.split(from).join(to), q.text);
    const text = applyPlainWords(redacted, plainWords);
    const start = (narrative ?? '').indexOf(text);
    return start === -1 ? { start: 0, end: 0, text } : { start, end: start + text.length, text };
  });
  return {
    ...content,
    story: {
      ...story,
      title: title ?? story.title,
      narrative: narrative ?? '',
      quotes: JSON.stringify(quotes),
      learningPoints: JSON.stringify(learningPoints),
    },
  };
}

const refusalReason = (error: unknown): string | null =>
  error instanceof PersonalDataRefusal
    ? 'possible personal details found since sign-off still need a decision (redact or keep with a reason)'
    : null;

/** A story as it leaves: pointing at its round only when that round is signed off (and so travels too), redacted. */
function storyAsSent(ctx: Context, content: StoryContentDto): StoryContentDto {
  const roundId =
    content.story.roundId && ctx.source.roundStatus(content.story.roundId) === 'signed_off'
      ? content.story.roundId
      : null;
  return redactStory({ ...content, story: { ...content.story, roundId } }, ctx.staffNames);
}

/** A round or story as stored and as it would leave, for a correction sent apart from it; null if it may not leave. */
function sendableItem(ctx: Context, kind: 'round' | 'story', id: string): Sendable | null {
  try {
    if (kind === 'round') {
      const stored = ctx.source.roundContent(id);
      return { kind, id, stored, sent: redactRound(stored, ctx.staffNames) };
    }
    const stored = ctx.source.storyContent(id);
    return { kind, id, stored, sent: storyAsSent(ctx, stored) };
  } catch (error) {
    if (refusalReason(error)) return null;
    throw error;
  }
}

function roundUnits(ctx: Context, window: ContentWindow, leftOut: LeftOut[], vouch: Vouch): SignedUnitDto[] {
  return ctx.source.signedOffRoundIds(window).flatMap((id) => {
    const content = ctx.source.roundContent(id);
    try {
      const redacted = redactRound(content, ctx.staffNames);
      const signOff = vouch.signOff({ kind: 'round', id, stored: content, sent: redacted });
      return [signUnit('round', id, { ...redacted, signOff }, ctx.identity)];
    } catch (error) {
      const reason = refusalReason(error);
      if (!reason) throw error;
      leftOut.push({
        kind: 'round',
        id,
        title: `Round at ${content.round.site}, ${content.round.startsAt.slice(0, 10)}`,
        reason,
      });
      return [];
    }
  });
}

function storyLeftOutReason(
  ctx: Context,
  candidate: ReturnType<BundleSourceRepository['storyCandidates']>[number],
): string | null {
  if (!candidate.signedAt) return 'it has not been signed off yet';
  const scopes = JSON.parse(candidate.scopes ?? '[]') as string[];
  if (
    candidate.reviewOn &&
    consentStateOf('approved', { reviewOn: candidate.reviewOn }, londonDate(ctx.now)) === 'expired'
  ) {
    return `the storyteller’s consent was due for review on ${candidate.reviewOn}`;
  }
  if (!scopes.includes('peig')) return 'the storyteller’s consent does not cover PEIG';
  return null;
}

function storyUnits(ctx: Context, window: ContentWindow, leftOut: LeftOut[], vouch: Vouch): SignedUnitDto[] {
  return ctx.source.storyCandidates(window).flatMap((candidate) => {
    const reason = storyLeftOutReason(ctx, candidate);
    if (reason) {
      leftOut.push({ kind: 'story', id: candidate.id, title: candidate.title, reason });
      return [];
    }
    const content = ctx.source.storyContent(candidate.id);
    try {
      const sent = storyAsSent(ctx, content);
      const signOff = vouch.signOff({ kind: 'story', id: candidate.id, stored: content, sent });
      return [signUnit('story', candidate.id, { ...sent, signOff }, ctx.identity)];
    } catch (error) {
      const refusal = refusalReason(error);
      if (!refusal) throw error;
      leftOut.push({ kind: 'story', id: candidate.id, title: candidate.title, reason: refusal });
      return [];
    }
  });
}

/** An action's events since `since`: raised, its details as now, each status change, each revisit. */
export function actionEvents(
  source: BundleSourceRepository,
  since: string | null,
): { id: string; content: ActionEventContentDto }[] {
  const after = (at: string) => since === null || at > since;
  return source.actions(since).flatMap((a) => {
    const area = a.areaId
      ? {
          id: a.areaId,
          site: a.areaSite ?? '',
          name: a.areaName ?? '',
          createdAt: a.areaCreatedAt ?? a.createdAt,
        }
      : null;
    const details = {
      said: a.said,
      willDo: a.willDo,
      ownerName: a.ownerName,
      ownerRole: a.ownerRole,
      site: a.site,
      area,
      dueDate: a.dueDate,
      evidence: a.evidence,
    };
    const links = source.actionLinks(a.id);
    const events: { id: string; content: ActionEventContentDto }[] = [];
    if (after(a.createdAt)) {
      events.push({
        id: derivedUuid('action-raised', a.id),
        content: {
          type: 'raised',
          actionId: a.id,
          at: a.createdAt,
          ...details,
          saidAt: a.saidAt,
          sources: links
            .filter((l) => l.role === 'source')
            .map((l) => ({ itemKind: l.itemKind, itemId: l.itemId, at: l.createdAt })),
        },
      });
    }
    if (a.updatedAt > a.createdAt && after(a.updatedAt)) {
      const content: ActionEventContentDto = { type: 'updated', actionId: a.id, at: a.updatedAt, ...details };
      events.push({ id: derivedUuid('action-updated', a.id, JSON.stringify(content)), content });
    }
    for (const e of source.actionEvents(a.id)) {
      if (!after(e.at)) continue;
      const feedback =
        e.toStatus === 'fed_back' && a.feedbackChannel && a.fedBackAt
          ? { channel: a.feedbackChannel, note: a.feedbackNote, at: a.fedBackAt }
          : null;
      events.push({
        id: derivedUuid('action-status', a.id, String(e.id), e.at),
        content: {
          type: 'status',
          actionId: a.id,
          at: e.at,
          actor: e.actor,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          reason: e.reason,
          feedback,
        } as ActionEventContentDto,
      });
    }
    for (const l of links) {
      if (l.role !== 'revisit' || !l.outcome || !after(l.createdAt)) continue;
      events.push({
        id: derivedUuid('action-revisit', a.id, l.itemKind, l.itemId),
        content: {
          type: 'revisit',
          actionId: a.id,
          at: l.createdAt,
          itemKind: l.itemKind,
          itemId: l.itemId,
          outcome: l.outcome,
        } as ActionEventContentDto,
      });
    }
    return events;
  });
}

/** The labels of the laptop's own tags that these rounds and stories use, so they read the same where they arrive. */
function tagLabelUnits(ctx: Context, records: readonly SignedUnitDto[]): SignedUnitDto[] {
  const ids = new Set(
    records.flatMap((u) =>
      u.kind === 'round' || u.kind === 'story'
        ? u.content.tags.filter((t) => t.frameworkId === CUSTOM_FRAMEWORK_ID).map((t) => t.tagId)
        : [],
    ),
  );
  return [...ids].toSorted().flatMap((tagId) => {
    const tag = ctx.source.customTag(tagId);
    if (!tag) return [];
    const content = { frameworkId: 'custom' as const, tagId, label: tag.label, createdAt: tag.createdAt };
    return [signUnit('tag_label', derivedUuid('tag-label', tagId), content, ctx.identity)];
  });
}

/** Every unit for a bundle covering `window`, signed, with what was left out and why. */
export function collectBundleContents(ctx: Context, window: ContentWindow): BundleContents {
  const leftOut: LeftOut[] = [];
  const vouch = sentSignOffs(ctx.identity);
  const rounds = roundUnits(ctx, window, leftOut, vouch);
  const stories = storyUnits(ctx, window, leftOut, vouch);
  const addenda = ctx.source.addenda(window).map(({ id, ...content }) => {
    const signature = vouch.addendumSignature(id, content, () =>
      sendableItem(ctx, content.kind, content.itemId),
    );
    return signUnit('addendum', id, { ...content, signature }, ctx.identity);
  });
  const events = actionEvents(ctx.source, window.since).map((e) =>
    signUnit('action_event', e.id, e.content, ctx.identity),
  );
  const withdrawals = ctx.source
    .withdrawals()
    .map((w) =>
      signUnit('consent_withdrawal', derivedUuid('consent-withdrawal', w.storyId), w, ctx.identity),
    );
  const labels = tagLabelUnits(ctx, [...rounds, ...stories]);
  const units = [...labels, ...rounds, ...stories, ...addenda, ...events, ...withdrawals];
  return {
    units,
    leftOut,
    counts: {
      rounds: rounds.length,
      observations: rounds.reduce((n, u) => n + (u.kind === 'round' ? u.content.observations.length : 0), 0),
      stories: stories.length,
      addenda: addenda.length,
      actionEvents: events.length,
      withdrawals: withdrawals.length,
    },
  };
}
