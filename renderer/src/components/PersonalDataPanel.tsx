import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../ipc/errors';
import { api } from '../api-client';
import { ErrorMessage } from './ErrorMessage';
import { fieldId } from '../lib/field-ids';
import { highlightSegments, type Span } from '../lib/highlight-segments';
import type { ClearanceFindingDto, ClearanceReportDto } from '../lib/clearance-types';

type Choice = { decision: 'redacted' } | { decision: 'kept'; reason: string };

export type DecideFinding = (finding: ClearanceFindingDto, decision: Choice) => Promise<AppErrorShape | null>;

/** Records the person's choice on one finding in a story or an observation; answers the new report. */
export function decideFinding(
  item: { itemKind: 'story' | 'observation'; itemId: string },
  finding: ClearanceFindingDto,
  choice: Choice,
) {
  return api['clearance:decide']({
    itemKind: item.itemKind,
    itemId: item.itemId,
    field: finding.field,
    findingKey: finding.findingKey,
    decision: choice.decision,
    reason: choice.decision === 'kept' ? choice.reason : null,
  });
}

type Props = {
  report: ClearanceReportDto | null;
  /** The narrative (or an observation's text) as stored, which the report's positions refer to. */
  savedNarrative: string;
  readOnly: boolean;
  onDecide: DecideFinding;
  /** What is checked, in words: "story" or "observation". */
  itemNoun?: string;
  /** Keeps the ids of two panels on one page apart (one per observation in a round). */
  idPrefix?: string;
  /** Names the marked-text region where several panels share a page, e.g. the observation's heading. */
  regionName?: string;
  /**
   * Where the focus goes after a decision, when this panel may itself be gone by then (a review
   * lists only items with findings left); by default, this panel's status line.
   */
  onDecided?: () => void;
};

function whereFound(field: string, itemNoun: string): string {
  if (field === 'narrative' || field === 'text') return `in the ${itemNoun}`;
  if (field === 'title') return 'in the title';
  const point = /^learningPoints\.(\d+)$/.exec(field);
  return point?.[1] !== undefined ? `in learning point ${Number(point[1]) + 1}` : '';
}

function FindingItem({
  finding,
  readOnly,
  onDecide,
  onDecided,
  itemNoun,
  idPrefix,
}: {
  finding: ClearanceFindingDto;
  itemNoun: string;
  idPrefix: string;
  /** Called once a decision is recorded: this item's buttons are gone, so focus must go elsewhere. */
  onDecided: () => void;
} & Pick<Props, 'readOnly' | 'onDecide'>) {
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const reasonId = fieldId(`${idPrefix}reason-${finding.findingKey}`);
  const reasonRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // "Keep" asks why: the question gets the focus, and "Cancel" gives it back to "Keep".
  useEffect(() => {
    if (keeping) reasonRef.current?.focus();
    else if (asked.current) keepRef.current?.focus();
    asked.current = keeping;
  }, [keeping]);

  const decide = async (decision: Parameters<DecideFinding>[1]) => {
    setBusy(true);
    const problem = await onDecide(finding, decision);
    setBusy(false);
    setError(problem?.message);
    if (problem === null) onDecided();
    else if (decision.decision === 'kept') reasonRef.current?.focus();
  };

  return (
    <li className="pxr-finding">
      <p className="nhsuk-body-s pxr-finding__what">
        <strong>{finding.label}</strong> {whereFound(finding.field, itemNoun)}: “{finding.text}”
      </p>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-color">{finding.flaggedBecause}</p>
      {finding.state === 'kept' && (
        <p className="nhsuk-body-s">
          <strong className="nhsuk-tag nhsuk-tag--grey">Kept</strong> {finding.decision?.reason}
        </p>
      )}
      {finding.state === 'undecided' && !readOnly && !keeping && (
        <div className="pxr-finding__actions">
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small"
            disabled={busy}
            onClick={() => void decide({ decision: 'redacted' })}
          >
            Redact<span className="nhsuk-u-visually-hidden"> “{finding.text}”</span>
          </button>{' '}
          <button
            ref={keepRef}
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => setKeeping(true)}
          >
            Keep<span className="nhsuk-u-visually-hidden"> “{finding.text}”</span>
          </button>
        </div>
      )}
      {error !== undefined && !keeping && <ErrorMessage id={`${reasonId}-problem`} message={error} />}
      {finding.state === 'undecided' && keeping && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void decide({ decision: 'kept', reason });
          }}
        >
          <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={reasonId}>
              Why can “{finding.text}” stay in?
            </label>
            <ErrorMessage id={`${reasonId}-error`} message={error} />
            <input
              ref={reasonRef}
              className={`nhsuk-input${error !== undefined ? ' nhsuk-input--error' : ''}`}
              id={reasonId}
              type="text"
              value={reason}
              autoComplete="off"
              aria-describedby={error !== undefined ? `${reasonId}-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--small" disabled={busy}>
            Keep it
          </button>{' '}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => {
              setKeeping(false);
              setError(undefined);
            }}
          >
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}

export function PersonalDataPanel({
  report,
  savedNarrative,
  readOnly,
  onDecide,
  itemNoun = 'story',
  idPrefix = '',
  regionName,
  onDecided,
}: Props) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  if (report === null) return <p className="nhsuk-body-s">Checking for personal details…</p>;
  const open = report.findings.filter((f) => f.state !== 'redacted');
  const undecided = open.filter((f) => f.state === 'undecided').length;
  const spans: Span[] = report.findings
    .filter((f) => (f.field === 'narrative' || f.field === 'text') && f.state !== 'redacted')
    .map((f) => ({
      start: f.start,
      end: f.end,
      text: f.text,
      label: f.label,
      tone: f.state === 'kept' ? 'kept' : 'undecided',
    }));

  return (
    <>
      {/* After Redact or Keep the finding's buttons are gone: focus comes here, to what is left. */}
      <p className="nhsuk-body" role="status" ref={statusRef} tabIndex={-1}>
        {report.clear
          ? 'No personal details are waiting for a decision.'
          : `${undecided} possible personal ${undecided === 1 ? 'detail needs' : 'details need'} a decision: redact it, or keep it and say why.`}
      </p>
      {open.length > 0 && (
        <ul className="nhsuk-list pxr-findings">
          {open.map((finding) => (
            <FindingItem
              key={`${finding.field}:${finding.findingKey}`}
              finding={finding}
              readOnly={readOnly}
              onDecide={onDecide}
              onDecided={onDecided ?? (() => statusRef.current?.focus())}
              itemNoun={itemNoun}
              idPrefix={idPrefix}
            />
          ))}
        </ul>
      )}
      {spans.length > 0 && (
        <>
          <h3 className="nhsuk-heading-xs">Where they are in the {itemNoun}</h3>
          {/* A textarea cannot highlight, so the saved story is shown again with marks. */}
          <div
            className="pxr-story-preview"
            aria-label={`The ${itemNoun} with personal details marked${regionName === undefined ? '' : `: ${regionName}`}`}
            role="region"
            // Focusable so keyboard users can scroll a long story.
            tabIndex={0}
          >
            {highlightSegments(savedNarrative, spans).map((segment, index) =>
              segment.mark === null ? (
                segment.text
              ) : (
                <mark key={index} className={`pxr-mark pxr-mark--${segment.mark.tone}`}>
                  {segment.text}
                  <span className="nhsuk-u-visually-hidden"> ({segment.mark.label})</span>
                </mark>
              ),
            )}
          </div>
        </>
      )}
    </>
  );
}
