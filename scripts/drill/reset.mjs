#!/usr/bin/env node
// A fresh drill copy (npm run drill): drops the drill database and deletes the drill's Redis keys, so the
// next migrate + seed starts it over. Refuses anything that is not a drill: the database name must end
// in _drill and the prefix must name the drill (as the api's NETDUTY_DRILL check does).
//   node scripts/drill/reset.mjs <owner-database-url> <redis-url> <redis-prefix>
import pg from 'pg';
import { Redis } from 'ioredis';

const [ownerUrl, redisUrl, prefix] = process.argv.slice(2);
if (!ownerUrl || !redisUrl || !prefix) throw new Error('usage: reset.mjs <owner-database-url> <redis-url> <redis-prefix>');
const target = new URL(ownerUrl);
const database = decodeURIComponent(target.pathname.slice(1));
if (!/_drill$/.test(database)) throw new Error(`refusing to drop ${database}: not a drill database (…_drill)`);
if (!prefix.includes('drill')) throw new Error(`refusing to clear the Redis prefix ${prefix}: not a drill prefix`);

const maintenance = new URL(ownerUrl);
maintenance.pathname = '/postgres';
const client = new pg.Client({ connectionString: maintenance.toString() });
await client.connect();
try {
  await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
} finally {
  await client.end();
}

const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
await redis.connect();
let removed = 0;
try {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) removed += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
} finally {
  redis.disconnect();
}
console.log(`Drill reset: database ${database} dropped, ${removed} Redis keys under ${prefix}: deleted`);
