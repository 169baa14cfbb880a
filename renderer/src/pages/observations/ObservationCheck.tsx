import { useEffect, useRef, useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { decideFinding, PersonalDataPanel, type DecideFinding } from '../../components/PersonalDataPanel';
import { PlainLanguagePanel } from '../../components/PlainLanguagePanel';
import { PlainWordsChosen } from '../../components/PlainWordsChosen';
import type { ClearanceReportDto } from '../../lib/clearance-types';
import { replaceTerm } from '../../../../domain/plain-language/plain-replace';

type Props = {
  observation: ObservationDto;
  /** False once the round is signed off, or while the observation is open in the capture form. */
  canDecide: boolean;
  /** Must be stable. */
  onSaved: (observation: ObservationDto) => void;
  /** True while its text may still change (the round not completed, the text not open above). */
  editable?: boolean;
};

/**
 * The personal-details and plain-language check of one observation, the same check a story
 * gets: each finding can be redacted in one step or kept with a reason.
 */
export function ObservationCheck({ observation, canDecide, onSaved, editable = false }: Props) {
  const [report, setReport] = useState<ClearanceReportDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useRef(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [replaced, setReplaced] = useState(0);
  const scope = `observation-${observation.id}.`;

  // Checked again whenever the stored text changes (an edit, or a redaction from here).
  useEffect(() => {
    const current = ++run.current;
    void api['clearance:check']({ itemKind: 'observation', itemId: observation.id }).then((result) => {
      if (current === run.current && result.ok) setReport(result.value);
    });
  }, [observation.id, observation.updatedAt]);

  const decide: DecideFinding = async (finding, choice) => {
    const result = await decideFinding({ itemKind: 'observation', itemId: observation.id }, finding, choice);
    if (!result.ok) return result.error;
    setReport(result.value);
    if (choice.decision === 'redacted') {
      // The text changed in the database: the round's list shows it as it is now.
      const round = await api['rounds:get']({ roundId: observation.roundId });
      const latest = round.ok ? round.value.observations.find((o) => o.id === observation.id) : undefined;
      if (latest !== undefined) onSaved(latest);
    }
    setNotice(
      choice.decision === 'redacted'
        ? `“${finding.text}” was removed from the observation.`
        : `“${finding.text}” is kept.`,
    );
    return null;
  };

  // The one-key fix for jargon: the plain words replace the term in the stored text.
  const replace = async (term: string, words: string) => {
    const text = replaceTerm(observation.text, term, words);
    const result = await api['observations:update']({ id: observation.id, changes: { text } });
    if (!result.ok) return setNotice(result.error.message);
    onSaved(result.value);
    setNotice(`“${term}” was replaced with “${words}”.`);
    setReplaced((n) => n + 1);
  };
  // The button goes once the text is checked again: the focus waits on what happened.
  useEffect(() => {
    if (replaced > 0) noticeRef.current?.focus();
  }, [replaced]);

  return (
    <div className="pxr-observation-check">
      <h3 className="nhsuk-heading-s">Personal details</h3>
      <PersonalDataPanel
        report={report}
        savedNarrative={observation.text}
        readOnly={!canDecide}
        onDecide={decide}
        itemNoun="observation"
        idPrefix={scope}
      />
      {notice !== null && (
        <p className="nhsuk-body-s" role="status" ref={noticeRef} tabIndex={-1}>
          {notice}
        </p>
      )}
      <h3 className="nhsuk-heading-s">Plain language</h3>
      <PlainLanguagePanel
        summary={report?.plainLanguage ?? null}
        itemNoun="observation"
        onReplace={editable ? (term, words) => void replace(term, words) : undefined}
      />
      <PlainWordsChosen replacements={report?.plainWords ?? []} idPrefix={scope} />
    </div>
  );
}
