import { api } from '../../api-client';
import { useLoad } from '../../lib/use-load';

type Props = { from: string; to: string; site: string; whose: string };

/**
 * What the period report will leave out, said before it is made (an approved story whose
 * consent does not cover PEIG, for example), so nobody reads "no stories" in the document
 * and wonders where theirs went. Says nothing while the period is not yet a valid one.
 */
export function PeriodLeftOut({ from, to, site, whose }: Props) {
  const [preview] = useLoad(
    () => api['exports:period-preview']({ from, to, site: site.trim() === '' ? null : site.trim(), whose }),
    [from, to, site, whose],
  );
  if (preview.state !== 'ready' || preview.value.leftOut.length === 0) return null;
  return (
    <div className="nhsuk-inset-text" data-testid="period-left-out">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>The report will not include everything approved in this period:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {preview.value.leftOut.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </div>
  );
}
