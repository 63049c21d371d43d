import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TmfHubSubscriptionEntity } from '@netduty/persistence';
import { NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import type { NmsCaller } from '../sources/nms-caller';
import { requireConforming } from '../tmf642/alarm-body';
import { requireTicketConforming } from '../tmf621/tmf621-schemas';
import { ProblemList } from '../tmf642/tmf642-input-rules';
import type { TmfEventSubscription } from '../tmf642/tmf642-resources';

export const HUB_LIMITS = { callbackMaxLength: 2_000, queryMaxLength: 2_000, perSource: 50 } as const;

/** The TMF API a listener is registered with (tmf_hub_subscriptions.api). */
export type TmfHubApi = 'alarm' | 'troubleTicket';

/** EventSubscriptionInput, as each API's own document defines it (the two are the same today). */
const CONFORMING: Record<TmfHubApi, (body: unknown) => Record<string, unknown>> = {
  alarm: (body) => requireConforming('EventSubscriptionInput', body),
  troubleTicket: (body) => requireTicketConforming('EventSubscriptionInput', body),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function dto(row: TmfHubSubscriptionEntity): TmfEventSubscription {
  return { id: row.id, callback: row.callback, ...(row.query !== null ? { query: row.query } : {}) };
}

/**
 * TMF Hub registrations of an NMS for alarm (TMF642) or trouble ticket (TMF621) notifications (POST
 * /hub, DELETE /hub/{id}), owned by the NMS that made them, counted and deleted per API. Only the
 * registration: delivering notifications to the callbacks is not built.
 */
@Injectable()
export class HubSubscriptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(caller: NmsCaller, rawBody: unknown, api: TmfHubApi = 'alarm'): Promise<TmfEventSubscription> {
    const body = CONFORMING[api](rawBody);
    const problems = new ProblemList();
    const callback = problems.text('callback', body['callback'], HUB_LIMITS.callbackMaxLength, { required: true });
    const query = problems.text('query', body['query'], HUB_LIMITS.queryMaxLength);
    if (callback !== undefined && !isHttpUrl(callback)) problems.add({ field: 'callback', code: 'invalid_format' });
    if (!problems.empty || callback === undefined) throw new UnprocessableInputError(problems.problems);
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(TmfHubSubscriptionEntity);
      // Counted under the source row's lock, so parallel registrations cannot pass the limit together.
      await em.query(`SELECT 1 FROM nms_sources WHERE id = $1 FOR UPDATE`, [caller.sourceSystemId]);
      if ((await repository.countBy({ sourceSystemId: caller.sourceSystemId, api })) >= HUB_LIMITS.perSource) {
        throw new UnprocessableInputError([{ field: 'callback', code: 'too_many_items', params: { max: HUB_LIMITS.perSource } }]);
      }
      return dto(await repository.save({ sourceSystemId: caller.sourceSystemId, api, callback, query: query ?? null }));
    });
  }

  /** Another NMS's registration is a 404, like one that does not exist. */
  async unregister(caller: NmsCaller, id: string, api: TmfHubApi = 'alarm'): Promise<void> {
    const deleted = UUID.test(id)
      ? ((await this.dataSource.query(`DELETE FROM tmf_hub_subscriptions WHERE id = $1 AND source_system_id = $2 AND api = $3 RETURNING id`, [id, caller.sourceSystemId, api])) as [
          unknown[],
          number,
        ])
      : [[], 0];
    if (deleted[1] === 0) throw new NotFoundError('hub', id);
  }
}
