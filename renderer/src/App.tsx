import { Header, SkipLink } from './components/Header';
import { routeKey, type Route } from './lib/routes';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RoundPage } from './pages/RoundPage';
import { StartRoundPage } from './pages/StartRoundPage';
import { useRoute } from './router';
import { assertNever } from '../../ipc/errors';

function page(route: Route) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'start-round':
      return <StartRoundPage />;
    case 'round':
      return <RoundPage roundId={route.roundId} />;
    case 'not-found':
      return <NotFoundPage />;
    default:
      return assertNever(route);
  }
}

export function App() {
  const route = useRoute();
  return (
    <>
      <SkipLink />
      <Header />
      <div className="nhsuk-width-container">
        {/* Keyed by route so each page mounts fresh: its h1 takes focus and its data reloads. */}
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1} key={routeKey(route)}>
          {page(route)}
        </main>
      </div>
    </>
  );
}
