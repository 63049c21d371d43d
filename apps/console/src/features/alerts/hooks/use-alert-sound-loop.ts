import { useEffect } from 'react';
import type { AlertSound } from '../lib/alert-sound';
import type { AlertStore } from '../lib/alert-store';

/** While alerts stay unseen the tone comes back, so an operator away from the screen still hears it. */
export const ALERT_REMINDER_MS = 30_000;

/**
 * Rings on every new alert and again every ALERT_REMINDER_MS while any is unseen, unless muted. The
 * first click or key anywhere on the page unlocks audio (browsers allow it only after a gesture); a
 * page the user already interacted with (they just typed their password) unlocks at once.
 */
export function useAlertSoundLoop(store: AlertStore, sound: AlertSound): void {
  useEffect(() => {
    const ring = () => {
      if (!store.getSnapshot().muted) sound.play();
    };
    const stopRaise = store.onRaise(ring);
    const reminder = setInterval(() => {
      if (store.getSnapshot().unseen.length > 0) ring();
    }, ALERT_REMINDER_MS);

    const unlockOnGesture = () => {
      void sound.unlock().then(() => {
        if (sound.getState() !== 'locked') removeGestureListeners();
      });
    };
    const removeGestureListeners = () => {
      document.removeEventListener('pointerdown', unlockOnGesture, true);
      document.removeEventListener('keydown', unlockOnGesture, true);
    };
    if (navigator.userActivation?.hasBeenActive) void sound.unlock();
    document.addEventListener('pointerdown', unlockOnGesture, true);
    document.addEventListener('keydown', unlockOnGesture, true);
    return () => {
      stopRaise();
      clearInterval(reminder);
      removeGestureListeners();
    };
  }, [store, sound]);
}
