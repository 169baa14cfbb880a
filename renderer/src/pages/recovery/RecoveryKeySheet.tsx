import type { Ref } from 'react';

type Props = { groups: readonly string[]; headingRef: Ref<HTMLHeadingElement> };

/**
 * The recovery key as it is printed: numbered groups, so a message such as "group 3 looks
 * mistyped" points at one of them. When printing, only this sheet is on the page (app.scss).
 */
export function RecoveryKeySheet({ groups, headingRef }: Props) {
  return (
    <section className="pxr-recovery-sheet" aria-labelledby="recovery-sheet-heading">
      <h2 className="nhsuk-heading-m" id="recovery-sheet-heading" tabIndex={-1} ref={headingRef}>
        Your PX Rounds recovery key
      </h2>
      <ol className="pxr-recovery-key" aria-label="Recovery key, in 8 groups">
        {groups.map((group, index) => (
          <li key={index} className="pxr-recovery-key__group">
            <span className="pxr-recovery-key__number">
              <span className="nhsuk-u-visually-hidden">Group </span>
              {index + 1}
            </span>
            <span className="pxr-recovery-key__characters">{group}</span>
          </li>
        ))}
      </ol>
      <p className="nhsuk-body">
        It uses the numbers 0 to 9 and capital letters, never I, L, O or U. Keep it somewhere safe, away from
        this laptop: anyone who has it and a copy of your data folder can open your data.
      </p>
      <p className="nhsuk-body">
        To use it, start PX Rounds on the new computer with your data folder in place and choose “Open with
        recovery key”.
      </p>
    </section>
  );
}
