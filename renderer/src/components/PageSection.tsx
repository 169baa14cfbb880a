import type { ReactNode, Ref } from 'react';

type Props = { id: string; title: string; headingRef?: Ref<HTMLHeadingElement>; children: ReactNode };

/** A section of a long page under its own heading. */
export function PageSection({ id, title, headingRef, children }: Props) {
  return (
    <section className="pxr-story-section" aria-labelledby={id}>
      {/* Focusable so an error summary or a finished step can send people here. */}
      <h2 className="nhsuk-heading-m" id={id} tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      {children}
    </section>
  );
}
