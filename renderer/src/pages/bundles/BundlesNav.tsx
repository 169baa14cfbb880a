import type { Route } from '../../lib/routes';
import { hrefFor } from '../../lib/routes';

type BundleRoute = Extract<
  Route,
  { name: 'bundle-import' | 'bundle-log' | 'bundle-send' | 'collection-key' }
>;

const LINKS: readonly { route: BundleRoute; label: string }[] = [
  { route: { name: 'bundle-import' }, label: 'Import bundles' },
  { route: { name: 'bundle-log' }, label: 'Import log' },
  { route: { name: 'collection-key' }, label: 'Collection key' },
  { route: { name: 'bundle-send' }, label: 'Send to PEIG' },
];

/** The bundle pages, one link each; the current one is marked for screen readers too. */
export function BundlesNav({ current }: { current: BundleRoute['name'] }) {
  return (
    <nav className="nhsuk-contents-list" aria-label="PEIG bundles">
      <ol className="nhsuk-contents-list__list">
        {LINKS.map(({ route, label }) =>
          route.name === current ? (
            <li key={route.name} className="nhsuk-contents-list__item" aria-current="page">
              <span className="nhsuk-contents-list__current">{label}</span>
            </li>
          ) : (
            <li key={route.name} className="nhsuk-contents-list__item">
              <a className="nhsuk-contents-list__link" href={hrefFor(route)}>
                {label}
              </a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
