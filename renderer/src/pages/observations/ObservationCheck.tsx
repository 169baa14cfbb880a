import { useEffect, useRef, useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { decideFinding, PersonalDataPanel, type DecideFinding } from '../../components/PersonalDataPanel';
import { PlainLanguagePanel } from '../../components/PlainLanguagePanel';
import type { ClearanceReportDto } from '../../lib/clearance-types';

type Props = {
  observation: ObservationDto;
  /** False once the round is signed off, or while the observation is open in the capture form. */
  canDecide: boolean;
  /** Must be stable. */
  onSaved: (observation: ObservationDto) => void;
};

/**
 * The personal-details and plain-language check of one observation, the same check a story
 * gets: each finding can be redacted in one step or kept with a reason.
 */
export function ObservationCheck({ observation, canDecide, onSaved }: Props) {
  const [report, setReport] = useState<ClearanceReportDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useRef(0);
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
        <p className="nhsuk-body-s" role="status">
          {notice}
        </p>
      )}
      <h3 className="nhsuk-heading-s">Plain language</h3>
      <PlainLanguagePanel summary={report?.plainLanguage ?? null} itemNoun="observation" />
    </div>
  );
}
