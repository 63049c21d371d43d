import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TmfHubSubscriptionEntity } from '@netduty/persistence';
import { NotFoundError, UnprocessableInputError } from '@netduty/platform-errors';
import type { NmsCaller } from '../sources/nms-caller';
import { requireConforming } from '../tmf642/alarm-body';
import { ProblemList } from '../tmf642/tmf642-input-rules';
import type { TmfEventSubscription } from '../tmf642/tmf642-resources';

export const HUB_LIMITS = { callbackMaxLength: 2_000, queryMaxLength: 2_000, perSource: 50 } as const;

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
 * TMF Hub registrations of an NMS for alarm notifications (POST /hub, DELETE /hub/{id}), owned by the
 * NMS that made them. Only the registration: delivering notifications to the callbacks is not built.
 */
@Injectable()
export class HubSubscriptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(caller: NmsCaller, rawBody: unknown): Promise<TmfEventSubscription> {
    const body = requireConforming('EventSubscriptionInput', rawBody);
    const problems = new ProblemList();
    const callback = problems.text('callback', body['callback'], HUB_LIMITS.callbackMaxLength, { required: true });
    const query = problems.text('query', body['query'], HUB_LIMITS.queryMaxLength);
    if (callback !== undefined && !isHttpUrl(callback)) problems.add({ field: 'callback', code: 'invalid_format' });
    if (!problems.empty || callback === undefined) throw new UnprocessableInputError(problems.problems);
    return this.dataSource.transaction(async (em) => {
      const repository = em.getRepository(TmfHubSubscriptionEntity);
      // Counted under the source row's lock, so parallel registrations cannot pass the limit together.
      await em.query(`SELECT 1 FROM nms_sources WHERE id = $1 FOR UPDATE`, [caller.sourceSystemId]);
      if ((await repository.countBy({ sourceSystemId: caller.sourceSystemId, api: 'alarm' })) >= HUB_LIMITS.perSource) {
        throw new UnprocessableInputError([{ field: 'callback', code: 'too_many_items', params: { max: HUB_LIMITS.perSource } }]);
      }
      return dto(await repository.save({ sourceSystemId: caller.sourceSystemId, api: 'alarm', callback, query: query ?? null }));
    });
  }

  /** Another NMS's registration is a 404, like one that does not exist. */
  async unregister(caller: NmsCaller, id: string): Promise<void> {
    const deleted = UUID.test(id)
      ? ((await this.dataSource.query(`DELETE FROM tmf_hub_subscriptions WHERE id = $1 AND source_system_id = $2 AND api = 'alarm' RETURNING id`, [id, caller.sourceSystemId])) as [
          unknown[],
          number,
        ])
      : [[], 0];
    if (deleted[1] === 0) throw new NotFoundError('hub', id);
  }
}
