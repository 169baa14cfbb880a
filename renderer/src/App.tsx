import { useState } from 'react';
import { api } from './api-client';
import { DiskSpaceWarning } from './components/DiskSpaceWarning';
import { Header, SkipLink } from './components/Header';
import { routeKey, type Route } from './lib/routes';
import { HomePage } from './pages/rounds/HomePage';
import { ActionPage } from './pages/actions/ActionPage';
import { ActionsBoardPage } from './pages/actions/ActionsBoardPage';
import { NewActionPage } from './pages/actions/NewActionPage';
import { InsightsPage } from './pages/insights/InsightsPage';
import { NotFoundPage } from './pages/app/NotFoundPage';
import { ShortcutsPage } from './pages/app/ShortcutsPage';
import { useShortcuts } from './pages/app/use-shortcuts';
import { RoundPage } from './pages/rounds/RoundPage';
import { SearchPage } from './pages/search/SearchPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { TrustHubPage } from './pages/hub/TrustHubPage';
import { StartRoundPage } from './pages/rounds/StartRoundPage';
import { NewStoryPage } from './pages/stories/NewStoryPage';
import { StoriesPage } from './pages/stories/StoriesPage';
import { StoryPage } from './pages/stories/StoryPage';
import { ExportsPage } from './pages/exports/ExportsPage';
import { SigningKeyPage } from './pages/signing/SigningKeyPage';
import { SignOffPage } from './pages/sign-off/SignOffPage';
import { VerifyPage } from './pages/exports/VerifyPage';
import { useRoute } from './router';
import { CollectionKeyPage } from './pages/bundles/CollectionKeyPage';
import { ImportBundlesPage } from './pages/bundles/ImportBundlesPage';
import { ImportLogPage } from './pages/bundles/ImportLogPage';
import { SendBundlePage } from './pages/bundles/SendBundlePage';
import { RecoveryKeyPage } from './pages/recovery/RecoveryKeyPage';
import { UnlockScreen } from './pages/recovery/UnlockScreen';
import { useLoad } from './lib/use-load';
import { assertNever } from '../../ipc/errors';

function page(route: Route) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'start-round':
      return <StartRoundPage />;
    case 'round':
      return <RoundPage roundId={route.roundId} observationId={route.observationId ?? null} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'insights':
      return <InsightsPage query={route.query} />;
    case 'actions':
      return <ActionsBoardPage query={route.query} />;
    case 'new-action':
      return <NewActionPage />;
    case 'action':
      return <ActionPage actionId={route.actionId} />;
    case 'stories':
      return <StoriesPage query={route.query} />;
    case 'new-story':
      return <NewStoryPage />;
    case 'story':
      return <StoryPage storyId={route.storyId} step={route.step} />;
    case 'settings':
      return <SettingsPage />;
    case 'recovery-key':
      return <RecoveryKeyPage />;
    case 'trust-hub':
      return <TrustHubPage />;
    case 'review':
      return <SignOffPage kind={route.kind} id={route.id} />;
    case 'exports':
      return <ExportsPage query={route.query} />;
    case 'verify':
      return <VerifyPage />;
    case 'signing-key':
      return <SigningKeyPage />;
    case 'bundle-send':
      return <SendBundlePage />;
    case 'bundle-import':
      return <ImportBundlesPage />;
    case 'bundle-log':
      return <ImportLogPage />;
    case 'collection-key':
      return <CollectionKeyPage />;
    case 'shortcuts':
      return <ShortcutsPage />;
    case 'not-found':
      return <NotFoundPage />;
    default:
      return assertNever(route);
  }
}

/**
 * Asks first whether the data is open: where this computer cannot unlock it, the start-up screen
 * asks for the recovery key, and the app appears once it is open.
 */
export function App() {
  const [status] = useLoad(() => api['recovery:status']({}), []);
  const [unlocked, setUnlocked] = useState(false);
  if (status.state === 'loading') return null;
  if (status.state === 'ready' && status.value.state === 'locked' && !unlocked) {
    return (
      <>
        <SkipLink />
        <Header route={null} />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
            <UnlockScreen status={status.value} onOpened={() => setUnlocked(true)} />
          </main>
        </div>
      </>
    );
  }
  return <OpenApp />;
}

function OpenApp() {
  const route = useRoute();
  useShortcuts();
  return (
    <>
      <SkipLink />
      <Header route={route} />
      <div className="nhsuk-width-container">
        {/* Keyed by route so each page mounts fresh: its h1 takes focus and its data reloads. */}
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1} key={routeKey(route)}>
          <DiskSpaceWarning />
          {page(route)}
        </main>
      </div>
    </>
  );
}
