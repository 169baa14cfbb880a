import type { Route } from '../lib/routes';
import { focusById } from '../router';

const NHS_LOGO_PATH =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

export function SkipLink() {
  return (
    <a
      className="nhsuk-skip-link"
      href="#maincontent"
      onClick={(event) => {
        // Hash routing: following the href would be read as a route change.
        event.preventDefault();
        focusById('maincontent');
      }}
    >
      Skip to main content
    </a>
  );
}

type Section =
  | 'rounds'
  | 'search'
  | 'insights'
  | 'actions'
  | 'stories'
  | 'exports'
  | 'verify'
  | 'signing-key'
  | 'bundles'
  | 'settings'
  | 'shortcuts';

const SECTIONS: readonly { section: Section; href: string; label: string }[] = [
  { section: 'rounds', href: '#/', label: 'Rounds' },
  { section: 'search', href: '#/search', label: 'Search' },
  { section: 'insights', href: '#/insights', label: 'Insights' },
  { section: 'actions', href: '#/actions', label: 'Actions' },
  { section: 'stories', href: '#/stories', label: 'Stories' },
  { section: 'exports', href: '#/exports', label: 'Exports' },
  { section: 'verify', href: '#/verify', label: 'Verify' },
  { section: 'signing-key', href: '#/signing-key', label: 'Signing key' },
  { section: 'bundles', href: '#/bundles/import', label: 'PEIG bundles' },
  { section: 'settings', href: '#/settings', label: 'Settings' },
  { section: 'shortcuts', href: '#/shortcuts', label: 'Keyboard shortcuts' },
];

function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'home':
    case 'start-round':
    case 'round':
      return 'rounds';
    case 'review':
      return route.kind === 'round' ? 'rounds' : 'stories';
    case 'exports':
      return 'exports';
    case 'verify':
      return 'verify';
    case 'signing-key':
      return 'signing-key';
    case 'bundle-import':
    case 'bundle-log':
    case 'collection-key':
    case 'bundle-send':
      return 'bundles';
    case 'search':
      return 'search';
    case 'insights':
      return 'insights';
    case 'actions':
    case 'new-action':
    case 'action':
      return 'actions';
    case 'stories':
    case 'new-story':
    case 'story':
      return 'stories';
    case 'settings':
    case 'recovery-key':
    case 'trust-hub':
      return 'settings';
    case 'shortcuts':
      return 'shortcuts';
    default:
      return null;
  }
}

/** `route` null: the start-up screen, before the data is open, where there is nowhere to go. */
export function Header({ route }: { route: Route | null }) {
  const current = route === null ? null : sectionOf(route);
  const onSectionPage =
    route === null ||
    route.name === 'home' ||
    route.name === 'search' ||
    route.name === 'insights' ||
    route.name === 'actions' ||
    route.name === 'stories' ||
    route.name === 'exports' ||
    route.name === 'verify' ||
    route.name === 'signing-key' ||
    route.name === 'bundle-import' ||
    route.name === 'settings' ||
    route.name === 'shortcuts';
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-logo" href="#/" aria-label="NHS PX Rounds homepage">
            <svg
              className="nhsuk-header__logo"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 200 80"
              height="40"
              width="100"
              focusable="false"
              aria-hidden="true"
            >
              <path fill="currentcolor" d={NHS_LOGO_PATH} />
            </svg>
            <span className="nhsuk-header__service-name">PX Rounds</span>
          </a>
        </div>
      </div>
      {route !== null && (
        <>
          {/* Every section is listed, so the design system's "More" menu (which needs its script) is
          never needed; the list wraps when the window is narrow or zoomed. */}
          <nav className="nhsuk-header__navigation pxr-header-nav" aria-label="Menu">
            <div className="nhsuk-header__navigation-container nhsuk-width-container">
              <ul className="nhsuk-header__navigation-list">
                {SECTIONS.map(({ section, href, label }) => {
                  const isCurrent = section === current;
                  return (
                    <li
                      key={section}
                      className={`nhsuk-header__navigation-item${isCurrent ? ' nhsuk-header__navigation-item--current' : ''}`}
                    >
                      <a
                        className="nhsuk-header__navigation-link"
                        href={href}
                        // The section's own page is "page"; a page inside it (a round) is "true".
                        aria-current={isCurrent ? (onSectionPage ? 'page' : 'true') : undefined}
                      >
                        {isCurrent ? (
                          <strong className="nhsuk-header__navigation-item-current-fallback">{label}</strong>
                        ) : (
                          label
                        )}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </div>
          </nav>
        </>
      )}
    </header>
  );
}
