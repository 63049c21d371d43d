import { IsNull, type EntityManager } from 'typeorm';
import { looksLikeNmsApiKey, newNmsApiKey, nmsApiKeyHash } from '@netduty/alarms';
import { NmsApiKeyEntity, NmsSourceEntity } from '@netduty/persistence';

/** One NMS per telecom operator of the demo province, so an alarm can be sent to a fresh `npm start`. */
export const DEMO_NMS_SOURCES = [
  { id: 'nms-viettel-lsn', operatorCode: 'viettel', name: 'NMS Viettel Lạng Sơn (demo)' },
  { id: 'nms-vnpt-lsn', operatorCode: 'vnpt', name: 'NMS VNPT Lạng Sơn (demo)' },
  { id: 'nms-mobifone-lsn', operatorCode: 'mobifone', name: 'NMS MobiFone Lạng Sơn (demo)' },
] as const;

/** The label of the keys the seeder issues (an administrator's own keys on these sources are left alone). */
export const DEMO_NMS_KEY_LABEL = 'demo seed';

export interface DemoNmsKey {
  sourceSystemId: string;
  operatorCode: string;
  /** The plaintext: only in the git-ignored local file the seed command writes, never in the database. */
  key: string;
}

/**
 * Creates the demo NMS sources that are missing and gives each an active demo key. A key from `known`
 * (the local file of the previous seed) is kept while it is still an active key of its source (checked
 * by its hash); otherwise the source's demo keys are revoked and a new random one is issued. So
 * re-seeding keeps working keys and replaces lost ones; nothing guessable is ever stored.
 */
export async function seedDemoNmsSources(em: EntityManager, known: Readonly<Record<string, string>>): Promise<{ keys: DemoNmsKey[]; issued: number }> {
  const keys: DemoNmsKey[] = [];
  let issued = 0;
  const keyRows = em.getRepository(NmsApiKeyEntity);
  for (const source of DEMO_NMS_SOURCES) {
    await em.createQueryBuilder().insert().into(NmsSourceEntity).values({ id: source.id, operatorCode: source.operatorCode, name: source.name }).orIgnore().execute();
    const previous = known[source.id];
    if (previous && looksLikeNmsApiKey(previous) && (await keyRows.existsBy({ sourceSystemId: source.id, keyHash: nmsApiKeyHash(previous), revokedAt: IsNull() }))) {
      keys.push({ sourceSystemId: source.id, operatorCode: source.operatorCode, key: previous });
      continue;
    }
    await keyRows.update({ sourceSystemId: source.id, label: DEMO_NMS_KEY_LABEL, revokedAt: IsNull() }, { revokedAt: new Date() });
    const fresh = newNmsApiKey();
    await keyRows.save({ sourceSystemId: source.id, keyHash: fresh.keyHash, keyHint: fresh.keyHint, label: DEMO_NMS_KEY_LABEL, createdBy: null, revokedAt: null, lastUsedAt: null });
    keys.push({ sourceSystemId: source.id, operatorCode: source.operatorCode, key: fresh.key });
    issued += 1;
  }
  return { keys, issued };
}
