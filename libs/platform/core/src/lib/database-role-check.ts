import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface RoleFacts {
  role: string;
  superuser: boolean;
  owns_tables: boolean;
}

/**
 * Refuses to run the api, the worker or the seeder as a superuser or as the owner of the tables: either
 * could switch off the append-only triggers (session_replication_role, ALTER TABLE … DISABLE TRIGGER)
 * and rewrite the audit trail. They connect as a login in the netduty_app role; migrations, as the owner.
 */
@Injectable()
export class DatabaseRoleCheck implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [facts] = (await this.dataSource.query(`
      SELECT current_user AS role, r.rolsuper AS superuser,
        EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owns_tables
      FROM pg_roles r WHERE r.rolname = current_user`)) as RoleFacts[];
    const problem = !facts ? 'has no role' : facts.superuser ? `is ${facts.role}, a superuser` : facts.owns_tables ? `is ${facts.role}, which owns the tables` : null;
    if (problem) {
      throw new Error(
        `DATABASE_URL's user ${problem}. The api and the worker must connect as the application's own user ` +
          `(e.g. netduty_app, set up by the migrate command); the owner goes in MIGRATION_DATABASE_URL.`,
      );
    }
  }
}
