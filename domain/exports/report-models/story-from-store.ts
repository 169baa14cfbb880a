import type { ConsentScope } from '../../../ipc/vocabulary';
import { staffNames } from '../../settings/staff-names';
import { learningPointField } from '../../stories/decision-remap';
import type { Store } from '../../store';
import { isExportAllowed, londonDate } from '../../stories/consent-rules';
import { requireStory } from '../../stories/stories-service';
import { parseLearningPoints, parseQuotes } from '../../stories/story-text';
import type { DocumentBase } from '../export-models';
import { clearTextsForExport } from '../personal-data-gate';
import { applyPlainWords } from '../../plain-language/plain-replace';
import { ConsentRefusal } from '../story/story-consent';
import type { StoryModel } from '../story/story-model';
import { decisionsFor, equalityTags, parseConsentScopes, themeLabels } from './report-labels';

// An approved story as it may leave the app for `audience`: the consent must be in date and
// name that audience among its scopes (consent-rules.ts, the stories domain's own rule), and
// every personal-data finding in what is printed must be decided.

const CONSENT_METHOD_WORDS = {
  verbal: 'given verbally',
  written: 'signed consent form',
  easy_read: 'easy-read consent form',
} as const;

/** Who wrote a story up: the domain records the name; the people who do it are clinical lead partners. */
export const STORY_AUTHOR_ROLE = 'Clinical lead partner';

export function storyFromStore(
  store: Store,
  storyId: string,
  audience: ConsentScope,
  base: DocumentBase,
): StoryModel {
  const row = requireStory(store, storyId);
  const consent = store.stories.consent(storyId) ?? null;
  const scopes = consent ? parseConsentScopes(consent.scopes) : [];
  const check = isExportAllowed(
    {
      status: row.status,
      consent: consent ? { scopes, identity: consent.identity, reviewOn: consent.reviewOn } : null,
    },
    audience,
    { identity: consent?.identity ?? 'anonymised', now: store.now() },
  );
  if (!check.allowed || !consent) {
    throw new ConsentRefusal(check.allowed ? 'There is no consent on record for this story.' : check.reason);
  }
  const decisions = store.clearance.forItem('story', storyId);
  const points = parseLearningPoints(row.learningPoints);
  const [title, narrative, ...learningPoints] = clearTextsForExport(
    [
      { where: 'The story’s title', text: row.title, decisions: decisionsFor(decisions, 'title') },
      { where: 'The story', text: row.narrative, decisions: decisionsFor(decisions, 'narrative') },
      ...points.map((text, i) => ({
        where: `Learning point ${i + 1}`,
        text,
        decisions: decisionsFor(decisions, learningPointField(i)),
      })),
    ],
    { staffNames: staffNames(store) },
  );
  const tags = store.tags.forItem('story', storyId);
  const readBacks = store.stories.readBacks(storyId);
  return {
    ...base,
    title: title ?? row.title,
    storytellerType: row.storyteller,
    // The stories domain never records the storyteller's name, so none can be printed.
    storytellerName: null,
    author: { name: row.author, role: STORY_AUTHOR_ROLE },
    narrative: narrative ?? '',
    // Quotes are passages of the narrative, which the gate above has already cleared; jargon
    // replaced in the narrative at review is replaced in them too.
    keyQuotes: parseQuotes(row.quotes).map((q) =>
      applyPlainWords(q.text, decisionsFor(decisions, 'narrative')),
    ),
    learningPoints,
    themes: themeLabels(tags),
    equality: equalityTags(tags),
    sentiment: row.sentimentConfirmed,
    consent: {
      givenOn: consent.givenOn,
      howGiven: CONSENT_METHOD_WORDS[consent.method],
      scopes,
      anonymised: consent.identity === 'anonymised',
      reviewOn: consent.reviewOn,
      withdrawnOn: row.withdrawnOn,
    },
    readBackOn: readBacks.at(-1)?.checkedOn ?? londonDate(store.now()),
    audience,
  };
}
