import type { Request } from 'express';
import type { NmsCaller } from '@netduty/alarms';

/** A TMF642 request once NmsKeyGuard has proven its key. */
export type NmsRequest = Request & { nms?: NmsCaller };

export const NMS_KEY_HEADER = 'x-api-key';
