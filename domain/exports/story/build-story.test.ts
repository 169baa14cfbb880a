import { describe, expect, it } from 'vitest';
import { docxParts, paragraphTexts } from '../fixtures/docx-parts';
import { sampleStory } from '../fixtures/sample-documents';
import { buildStoryDocx } from './build-story';
import { ConsentRefusal } from './story-consent';
import type { StoryModel } from './story-model';

const KEY = 'b'.repeat(64);
const story = sampleStory(KEY);

/** Every part's XML, properties included: a name must appear nowhere, not only in the body. */
async function allText(model: StoryModel): Promise<string> {
  const parts = docxParts(await buildStoryDocx(model));
  return Object.values(parts).join('\n');
}

describe('the story export', () => {
  it('tells the story as approved, with quotes, learning, tags and the consent it was given', async () => {
    const text = paragraphTexts(docxParts(await buildStoryDocx(story))['word/document.xml'] ?? '');
    expect(text).toContain('Told by: A patient (anonymised)');
    expect(text).toContain('Read back and approved: 20 October 2025, by the storyteller');
    expect(text.filter((t) => t.startsWith('I came in for three days'))).toHaveLength(1);
    expect(text).toContain('“The care itself was excellent. What wore me down was not knowing.”');
    expect(text).toContain(
      'Tell carers as soon as a going-home date changes, so they do not lose leave waiting.',
    );
    expect(text).toContain(
      'May be shared with: the Patient Experience and Inclusion Group and people working in the trust',
    );
    expect(text).toContain('Consent to be reviewed by: 3 October 2026');
    expect(text).toContain('Equality: Carers (negative impact)');
  });

  it('names the storyteller only when their consent allows it', async () => {
    const named: StoryModel = {
      ...story,
      storytellerName: 'Margaret Ellis',
      consent: { ...story.consent, anonymised: false },
    };
    const parts = docxParts(await buildStoryDocx(named));
    expect(paragraphTexts(parts['word/document.xml'] ?? '')).toContain('Told by: Margaret Ellis, patient');
    expect(await allText(story)).not.toContain('Margaret');
    await expect(buildStoryDocx({ ...named, consent: story.consent })).rejects.toThrow(
      /anonymised, so the storyteller’s name must not be included/,
    );
  });

  it('refuses when consent was withdrawn, is past its review date or does not cover the audience', async () => {
    const refusals: [StoryModel, RegExp][] = [
      [
        { ...story, consent: { ...story.consent, withdrawnOn: '2025-11-01' } },
        /withdrew their consent on 1 November 2025/,
      ],
      [
        { ...story, consent: { ...story.consent, reviewOn: '2025-11-13' } },
        /due for review on 13 November 2025/,
      ],
      [
        { ...story, audience: 'public' },
        /with the Patient Experience and Inclusion Group and people working in the trust, which does not cover the public/,
      ],
      // Scopes are a set, not a ladder: public use alone does not cover PEIG or trust staff.
      [
        { ...story, consent: { ...story.consent, scopes: ['public'] }, audience: 'trust_internal' },
        /agreed to share this story with the public, which does not cover people working in the trust/,
      ],
      [
        { ...story, consent: { ...story.consent, scopes: ['public'] } },
        /does not cover the Patient Experience/,
      ],
      [{ ...story, readBackOn: '2025-12-01' }, /read-back date is in the future/],
    ];
    for (const [model, message] of refusals) {
      const attempt = buildStoryDocx(model);
      await expect(attempt).rejects.toBeInstanceOf(ConsentRefusal);
      await expect(attempt).rejects.toThrow(message);
    }
  });

  it('allows an audience the consent covers, including the day the consent is due for review', async () => {
    await expect(buildStoryDocx({ ...story, audience: 'peig' })).resolves.toBeInstanceOf(Buffer);
    await expect(buildStoryDocx({ ...story, audience: 'trust_internal' })).resolves.toBeInstanceOf(Buffer);
    await expect(
      buildStoryDocx({ ...story, consent: { ...story.consent, reviewOn: '2025-11-14' } }),
    ).resolves.toBeInstanceOf(Buffer);
  });
});
