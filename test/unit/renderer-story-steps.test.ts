import { describe, expect, it } from 'vitest';
import type { ClearanceReportDto } from '../../renderer/src/lib/clearance-types';
import { hrefFor, parseRoute } from '../../renderer/src/lib/routes';
import {
  isStoryStep,
  nextStep,
  stepOfField,
  stepStatuses,
  STORY_STEPS,
} from '../../renderer/src/pages/stories/story-steps';

const ID = '6f1c2a8e-3b7d-4e9a-8c1f-2d5e6a7b8c9d';

type Input = Parameters<typeof stepStatuses>[0];
const fresh: Input = {
  story: {
    status: 'draft',
    consentState: 'none',
    readBackState: 'not_done',
    tags: [],
    sentimentConfirmed: null,
    narrative: '',
  },
  fields: { title: 'A long wait', author: 'Ann Example', narrative: '', learningPoints: [] },
  report: null,
};
const cleanReport: ClearanceReportDto = {
  clear: true,
  blockers: [],
  findings: [],
  plainLanguage: {
    field: 'narrative',
    readability: {
      fleschReadingEase: 80,
      averageSentenceLength: 10,
      words: 10,
      sentences: 1,
      verdict: 'easy',
    },
    terms: [],
    unexplainedAbbreviations: [],
  },
  plainWords: [],
};

describe('the story as steps with a task list', () => {
  it('starts with the details done, the story not started and the checks not yet possible', () => {
    const statuses = stepStatuses(fresh);
    expect(statuses.details).toBe('Completed');
    expect(statuses.text).toBe('Not started');
    expect(statuses['personal-data']).toBe('Cannot start yet');
    expect(statuses['read-back']).toBe('Cannot start yet');
    expect(statuses.approve).toBe('Cannot start yet');
  });

  it('follows the story: findings waiting are in progress, consent and read-back done make approval possible', () => {
    const written: Input = {
      ...fresh,
      fields: { ...fresh.fields, narrative: 'She waited four hours.' },
      report: {
        ...cleanReport,
        clear: false,
        findings: [
          {
            field: 'narrative',
            findingKey: 'nhs_number:0',
            kind: 'nhs_number',
            label: 'NHS number',
            start: 0,
            end: 12,
            text: '999 000 0018',
            flaggedBecause: 'it has the shape and check digit of an NHS number',
            state: 'undecided',
            decision: null,
          },
        ],
      },
    };
    expect(stepStatuses(written).text).toBe('Completed');
    expect(stepStatuses(written)['personal-data']).toBe('In progress');
    const ready: Input = {
      ...written,
      story: {
        ...written.story,
        consentState: 'valid',
        readBackState: 'current',
        sentimentConfirmed: 'positive',
      },
      report: cleanReport,
    };
    const statuses = stepStatuses(ready);
    expect(statuses['personal-data']).toBe('Completed');
    expect(statuses['plain-language']).toBe('Completed');
    expect(statuses.consent).toBe('Completed');
    expect(statuses['read-back']).toBe('Completed');
    expect(statuses.tags).toBe('Completed');
    expect(statuses.approve).toBe('Not started');
    expect(stepStatuses({ ...ready, story: { ...ready.story, status: 'approved' } }).approve).toBe(
      'Completed',
    );
    expect(
      stepStatuses({ ...ready, story: { ...ready.story, readBackState: 'outdated' } })['read-back'],
    ).toBe('In progress');
  });

  it('leads from each step to the next, and an error to the step that holds its field', () => {
    expect(STORY_STEPS.map((s) => s.title)).toHaveLength(9);
    expect(nextStep('details')?.id).toBe('text');
    expect(nextStep('approve')).toBeNull();
    expect(stepOfField('consent')).toBe('consent');
    expect(stepOfField('reviewOn')).toBe('consent');
    expect(stepOfField('readBack')).toBe('read-back');
    expect(stepOfField('readBackMethod')).toBe('read-back');
    expect(stepOfField('narrative')).toBe('text');
    expect(stepOfField('learningPoints.2')).toBe('learning');
    expect(isStoryStep('consent')).toBe(true);
    expect(isStoryStep('nonsense')).toBe(false);
  });

  it('keeps the step in the address, so Back and a reload return to it', () => {
    const href = hrefFor({ name: 'story', storyId: ID, step: 'consent' });
    expect(href).toBe(`#/stories/${ID}?step=consent`);
    expect(parseRoute(href)).toEqual({ name: 'story', storyId: ID, step: 'consent' });
    expect(parseRoute(`#/stories/${ID}`)).toEqual({ name: 'story', storyId: ID });
    expect(parseRoute(`#/stories/${ID}?step=<script>`)).toEqual({ name: 'story', storyId: ID });
  });
});
