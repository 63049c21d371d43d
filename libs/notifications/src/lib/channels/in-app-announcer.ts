import type { InAppNotificationDto } from '@netduty/contracts';

/**
 * Tells a person's open consoles that a notification arrived. The realtime event for it is not in the
 * socket event map yet, so the app provides this (e.g. RealtimePublisher to SOCKET_ROOMS.user(userId));
 * without one, consoles see new entries on their next fetch of the centre.
 */
export interface InAppAnnouncer {
  announce(userId: string, notification: InAppNotificationDto): void;
}

export const IN_APP_ANNOUNCER = Symbol('IN_APP_ANNOUNCER');
