import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The group role holding the running application's privileges (created by the ApplicationRole migration). */
export const APPLICATION_GROUP_ROLE = 'netduty_app';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A SCRAM-SHA-256 verifier in PostgreSQL's format, computed here so the password itself never reaches
 * the server (nor its statement log, where `ALTER ROLE … PASSWORD 'plain'` would land with log_statement=ddl).
 */
export function scramSha256Verifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Makes the login named in the application's DATABASE_URL able to connect with the password that URL
 * carries (none: it can log in only where pg_hba trusts the host), and a member of netduty_app. Runs as
 * the owner, after the migrations. Refuses a login that is the owner itself or a superuser: either
 * could switch off the append-only triggers.
 */
export async function provisionApplicationLogin(ownerUrl: string, applicationUrl: string): Promise<string> {
  const application = new URL(applicationUrl);
  const login = decodeURIComponent(application.username);
  if (!ROLE_NAME.test(login)) {
    throw new Error(`DATABASE_URL must name the application's own database user (lower-case letters, digits, _), not "${login}"`);
  }
  const password = application.password ? decodeURIComponent(application.password) : null;
  const owner = new Client({ connectionString: ownerUrl, application_name: 'netduty-migrate' });
  await owner.connect();
  try {
    const [{ me }] = (await owner.query<{ me: string }>(`SELECT current_user AS me`)).rows as [{ me: string }];
    if (me === login) {
      throw new Error(`DATABASE_URL connects as ${login}, the owner of the tables; give the api and the worker their own user (MIGRATION_DATABASE_URL is the owner's)`);
    }
    const existing = (await owner.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [login])).rows[0];
    if (existing?.rolsuper) throw new Error(`DATABASE_URL connects as ${login}, a superuser; the api and the worker need a user of their own`);
    const secret = password === null ? 'NULL' : `'${scramSha256Verifier(password)}'`;
    // Utility statements take no bind parameters: the name is checked above and the verifier is base64.
    await owner.query(`${existing ? 'ALTER' : 'CREATE'} ROLE "${login}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${secret}`);
    if (login !== APPLICATION_GROUP_ROLE) await owner.query(`GRANT ${APPLICATION_GROUP_ROLE} TO "${login}"`);
    return login;
  } finally {
    await owner.end();
  }
}

/** Drops a login made by provisionApplicationLogin (test and benchmark runs make one each). */
export async function dropApplicationLogin(serverUrl: string, login: string): Promise<void> {
  if (!ROLE_NAME.test(login) || login === APPLICATION_GROUP_ROLE) throw new Error(`refusing to drop role "${login}"`);
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS "${login}"`);
  } finally {
    await client.end();
  }
}
