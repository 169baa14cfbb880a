// The personal-data and plain-language report of one story, re-checked after every save so its
// findings and their positions follow the stored text, and the decisions made on its findings.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api-client';
import { decideFinding, type DecideFinding } from '../../components/PersonalDataPanel';
import type { ClearanceReportDto } from '../../lib/clearance-types';
import type { StoryDetailDto } from './story-types';

type Options = {
  story: StoryDetailDto;
  /** Saves anything still being typed; null when it could not be saved. */
  flush: () => Promise<unknown>;
  adopt: (next: StoryDetailDto) => void;
  setNotice: (notice: string) => void;
};

export function useStoryClearance({ story, flush, adopt, setNotice }: Options) {
  const [report, setReport] = useState<ClearanceReportDto | null>(null);
  const checkRun = useRef(0);

  useEffect(() => {
    const run = ++checkRun.current;
    void api['clearance:check']({ itemKind: 'story', itemId: story.id }).then((result) => {
      if (run === checkRun.current && result.ok) setReport(result.value);
    });
  }, [story.id, story.updatedAt]);

  const decide: DecideFinding = async (finding, choice) => {
    // Decisions refer to the stored text, so anything still being typed is saved first.
    if ((await flush()) === null)
      return { kind: 'storage', message: 'Wait for the story to save, then try again.' };
    const result = await decideFinding({ itemKind: 'story', itemId: story.id }, finding, choice);
    if (!result.ok) return result.error;
    setReport(result.value);
    if (choice.decision === 'redacted') {
      const latest = await api['stories:get']({ id: story.id });
      if (latest.ok) adopt(latest.value);
    }
    setNotice(
      choice.decision === 'redacted'
        ? `“${finding.text}” was removed from the story.`
        : `“${finding.text}” is kept.`,
    );
    return null;
  };

  return { report, decide };
}
