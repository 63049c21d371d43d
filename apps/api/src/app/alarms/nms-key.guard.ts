import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { NmsKeyAuthenticator } from '@netduty/alarms';
import { NMS_KEY_HEADER, type NmsRequest } from './nms-request';

/** Authenticates a TMF642 request by its X-API-Key and puts the NMS on the request (401 otherwise). */
@Injectable()
export class NmsKeyGuard implements CanActivate {
  constructor(private readonly authenticator: NmsKeyAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<NmsRequest>();
    const header = request.headers[NMS_KEY_HEADER];
    request.nms = await this.authenticator.authenticate(typeof header === 'string' ? header : undefined);
    return true;
  }
}
