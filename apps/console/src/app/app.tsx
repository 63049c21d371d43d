import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import { DrillBanner } from '../features/drill/components/drill-banner';
import { session } from '../lib/session/session';
import { ticker } from '../lib/ticker';
import { AppProviders } from './providers';
import { router } from './router';

export function App() {
  // Browsers throttle timers in hidden tabs; refresh every countdown the moment the tab is back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      ticker.tick();
      // A laptop woken from sleep: its refresh timer may not have fired in time.
      void session.ensureFresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return (
    <AppProviders>
      {/* Outside the router: a drill copy is marked on every screen, the login and the wall included. */}
      <DrillBanner />
      <RouterProvider router={router} />
    </AppProviders>
  );
}

export default App;
