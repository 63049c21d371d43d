import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import type { NmsCaller } from '@netduty/alarms';
import { ACCESS_RULE, type AccessRule } from '../auth/access.decorators';
import { NmsKeyGuard } from './nms-key.guard';
import { NmsRateLimitGuard } from './nms-rate-limit.guard';
import type { NmsRequest } from './nms-request';

/**
 * The access rule of the TMF642 routes: called by an NMS with its API key, not by a person. The global
 * AccessGuard lets the rule through (as it does @Public) and the NmsKeyGuard declared here with it
 * authenticates the key, so no route can carry the rule without the check.
 */
export const NmsKeyAuthenticated = () => applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'nms_key' } satisfies AccessRule), UseGuards(NmsKeyGuard));

/** A write of alarms, counted against ALARM_RATE_LIMIT_PER_SECOND of the NMS (after its key is proven). */
export const NmsWriteLimited = () => UseGuards(NmsRateLimitGuard);

/** The NMS that NmsKeyGuard authenticated. */
export const CurrentNms = createParamDecorator((_data: unknown, context: ExecutionContext): NmsCaller => {
  const request = context.switchToHttp().getRequest<NmsRequest>();
  if (!request.nms) throw new Error('CurrentNms used on a route without NmsKeyAuthenticated');
  return request.nms;
});
