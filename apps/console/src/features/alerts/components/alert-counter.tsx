import { lazy, Suspense } from 'react';

// The button and its icon arrive just after the first frame, behind a same-sized placeholder: alerts
// come from the socket, which connects only after that frame.
const AlertCounterButton = lazy(() => import('./alert-counter-button').then((module) => ({ default: module.AlertCounterButton })));

/** The header's count of unseen alerts (see alert-counter-button.tsx). */
export function AlertCounter() {
  return (
    <Suspense fallback={<span className="header-icon-button header-icon-button--placeholder" aria-hidden="true" />}>
      <AlertCounterButton />
    </Suspense>
  );
}
