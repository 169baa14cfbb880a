// What the round page shows about the round itself: when, who and which questions, and the
// notice that a completed round is locked.
import type { Ref } from 'react';
import type { RoundDetailDto } from '../../../../ipc/contract';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime, formatTime } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import { hrefFor } from '../../lib/routes';

/** Status, start time, team and question set. */
export function RoundFacts({ round }: { round: RoundDetailDto }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Status</dt>
        <dd className="nhsuk-summary-list__value">
          <StatusTag status={round.status} />
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Started</dt>
        <dd className="nhsuk-summary-list__value">{formatTime(round.startsAt)}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Team</dt>
        <dd className="nhsuk-summary-list__value">
          {round.team.length === 0 ? (
            'No one recorded'
          ) : (
            <ul className="nhsuk-list">
              {round.team.map((member) => (
                <li key={member.id}>
                  {member.name}, {ROLE_LABELS[member.role]}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Question set</dt>
        <dd className="nhsuk-summary-list__value">{round.template?.name ?? 'None'}</dd>
      </div>
      {round.provenance !== null && (
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Contributed by</dt>
          <dd className="nhsuk-summary-list__value">
            {round.provenance.contributorName}, imported {formatDateTime(round.provenance.importedAt)} from
            bundle {round.provenance.bundleId.slice(0, 8)}. Read-only on this laptop.
            <br />
            <span className="pxr-fingerprint nhsuk-body-s">Key {round.provenance.fingerprint}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

type LockedProps = { round: RoundDetailDto; noticeRef: Ref<HTMLDivElement> };

/** Says the round is completed and can no longer change, and leads on to review and sign-off. */
export function RoundLockedNotice({ round, noticeRef }: LockedProps) {
  return (
    <div className="nhsuk-inset-text" id="round-locked" tabIndex={-1} ref={noticeRef}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        This round was completed
        {round.completedAt !== null ? ` on ${formatDateTime(round.completedAt)}` : ''}. It can no longer be
        changed, so what was recorded stays exactly as it was.
      </p>
      <p>
        <a href={hrefFor({ name: 'review', kind: 'round', id: round.id })}>
          {round.status === 'signed_off' ? 'Review, corrections and export' : 'Review and sign off'}
        </a>
      </p>
    </div>
  );
}
