import type { ReactNode } from 'react';

type Props = { level: 'h2' | 'h3'; testId: string; title: string; children: ReactNode };

/** An NHS warning callout whose heading is read as one phrase, starting "Important:". */
export function WarningCallout({ level: Heading, testId, title, children }: Props) {
  return (
    <div className="nhsuk-warning-callout" data-testid={testId}>
      <Heading className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {title}
        </span>
      </Heading>
      {children}
    </div>
  );
}
