import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
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
      <RouterProvider router={router} />
    </AppProviders>
  );
}

export default App;
