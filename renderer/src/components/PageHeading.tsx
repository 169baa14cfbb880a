import { useEffect, useRef, type ReactNode } from 'react';

type Props = { children: ReactNode; title: string; hasErrors?: boolean };

/**
 * The page's h1. On arrival focus moves here (so screen reader users hear where they are, and
 * keyboard users start from the top), and the window title follows the page, with the NHS
 * "Error:" prefix while an error summary is shown.
 */
export function PageHeading({ children, title, hasErrors = false }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – PX Rounds`;
  }, [title, hasErrors]);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className="pxr-page-heading">
      {children}
    </h1>
  );
}
