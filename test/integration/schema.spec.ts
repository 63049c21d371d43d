import { DataSource } from 'typeorm';
import * as contracts from '@netduty/contracts';
import { dataSourceOptions } from '@netduty/persistence';
import { currentTestEnvironment } from './support/test-environment';

/**
 * Migrations are frozen history (literal SQL, no imports from the project), so nothing keeps them in
 * step with the code by construction. These tests do: the enumerations of contracts against the CHECK
 * constraints of the freshly migrated database, and the entities against the migrated schema.
 */

/** The columns that hold each enumeration of contracts (table.column). */
const STORED_IN: Record<string, string[]> = {
  OPERATOR_KINDS: ['operators.kind'],
  SITE_KINDS: ['sites.kind'],
  PRIORITY_TIERS: ['sites.priority', 'sla_policies.priority', 'incidents.priority'],
  SEVERITIES: ['sla_policies.severity', 'incidents.severity'],
  INCIDENT_CATEGORIES: ['incidents.category'],
  INCIDENT_STATUSES: ['incidents.status'],
  TIMELINE_EVENT_TYPES: ['incident_events.type'],
  DEADLINE_KINDS: ['escalations.kind'],
  ROLES: ['users.role'],
  LANGUAGES: ['users.language', 'situation_reports.language'],
  AUDIT_OUTCOMES: ['audit_log.outcome'],
  ON_DUTY_GROUP_KINDS: ['on_duty_groups.kind'],
  REPORT_KINDS: ['situation_reports.kind'],
  REPORT_TRIGGERS: ['situation_reports.trigger'],
  GENERATOR_DISPATCH_STATUSES: ['generator_dispatches.status'],
  ROAMING_REQUEST_STATUSES: ['roaming_requests.status'],
};

/** Enumerations that no column is limited to, and why. */
const NOT_A_CHECKED_COLUMN: Record<string, string> = {
  OPERATOR_CODES: 'operators.code is a reference table: its rows, not a CHECK, list the operators',
  INCIDENT_ACTIONS: 'verbs of the API, never stored',
  JOURNEY_STEPS: 'verbs of the API (the assignment routes), stored as the timestamp columns of incident_responders',
  DEADLINE_URGENCIES: 'computed for display, never stored',
  SLA_JOB_NAMES: 'BullMQ job names, kept in Redis',
  PERMISSIONS: 'derived from the role by the access policy, never stored',
  API_ERROR_CODES: 'error codes of the wire, never stored',
  FIELD_PROBLEM_CODES: 'field problem codes of the wire, never stored',
  ESCALATION_AUDIENCES: 'kept inside incident_events.data (jsonb), typed by TimelineEventData',
  INCIDENT_LIST_SORTS: 'orders of GET /incidents, never stored',
  SHIFT_SOURCES: 'where a computed shift occurrence comes from, never stored',
  RECIPIENT_KINDS: 'kept inside escalation_policies.levels (jsonb), checked by the domain policyProblems',
  DELIVERY_RECEIPT_STATUSES: 'what a gateway receipt reports; it moves notification_deliveries.status, whose CHECK lists them among the others',
  CHAIN_STATES: 'computed by chainStatus for display, never stored',
  CYBER_REPORT_STAGES: 'verbs of POST /incidents/:id/cyber-reports, stored as situation_reports.kind (cyber_initial, cyber_progress)',
  INCIDENT_EXPORT_FORMATS: 'formats of GET /incidents/export, never stored',
  SITE_DEPENDENCY_CSV_COLUMNS: 'the header of the site dependencies CSV (import and export), stored as the sites columns of the same names',
  TREND_BUCKETS: 'buckets of GET /analytics/trends, never stored',
  KPI_DIMENSIONS: 'groupings of GET /analytics/trends (response times), never stored',
  ACK_LINK_REFUSALS: 'reasons a used or expired acknowledge link is refused (409 details.reason), never stored',
  GENERATOR_DISPATCH_STEPS: 'verbs of POST /battery/dispatches/:id/<step>, stored as generator_dispatches.status and its timestamp columns',
  GENERATOR_DISPATCH_REFUSALS: 'reasons a dispatch step is refused (409 details.reason), never stored',
  ROAMING_REQUEST_REFUSALS: 'reasons a roaming request step is refused (409 details.reason), never stored',
  BATTERY_RUNTIME_BASES: 'what a battery estimate rests on, computed for GET /battery/countdown, never stored',
  WEBHOOK_TIME_FORMATS: 'kept inside alarm_webhook_mappings.mapping (jsonb), checked by webhookMappingProblems',
};

const REGISTER_HINT = 'list it in STORED_IN or NOT_A_CHECKED_COLUMN in test/integration/schema.spec.ts';

/** Every exported `readonly string[]` of contracts, by its export name. */
function contractEnums(): Map<string, readonly string[]> {
  const enums = new Map<string, readonly string[]>();
  for (const [name, value] of Object.entries(contracts)) {
    if (/^[A-Z][A-Z0-9_]*$/.test(name) && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      enums.set(name, value as readonly string[]);
    }
  }
  return enums;
}

interface ListCheck {
  column: string;
  constraint: string;
  values: string[];
}

/** Every single-column CHECK of the shape `column IN ('a', 'b', …)`, with its allowed values. */
async function listChecks(dataSource: DataSource): Promise<ListCheck[]> {
  const rows: { table_name: string; column_name: string; constraint_name: string; definition: string }[] = await dataSource.query(`
    SELECT rel.relname AS table_name, att.attname AS column_name, con.conname AS constraint_name,
           pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class rel ON rel.oid = con.conrelid
      JOIN pg_namespace nsp ON nsp.oid = rel.relnamespace
      JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
     WHERE con.contype = 'c' AND nsp.nspname = current_schema() AND cardinality(con.conkey) = 1
     ORDER BY 1, 2, 3`);
  return rows
    .filter((row) => /= ANY \(\(?ARRAY\[/.test(row.definition))
    .map((row) => ({
      column: `${row.table_name}.${row.column_name}`,
      constraint: row.constraint_name,
      values: [...row.definition.matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((match) =>
        (match[1] ?? '').replaceAll("''", "'"),
      ),
    }));
}

const sorted = (values: readonly string[]): string[] => [...values].sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

describe('the migrated schema', () => {
  let dataSource: DataSource;
  let checks: ListCheck[];
  const enums = contractEnums();

  beforeAll(async () => {
    dataSource = new DataSource(dataSourceOptions(currentTestEnvironment().databaseUrl, { poolSize: 1, applicationName: 'netduty-schema-test' }));
    await dataSource.initialize();
    checks = await listChecks(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('finds the enumerations of contracts and the CHECK lists of the database (the test is looking at something)', () => {
    expect(enums.size).toBeGreaterThanOrEqual(Object.keys(STORED_IN).length);
    expect(checks.length).toBeGreaterThanOrEqual(14);
  });

  it('limits every column that holds an enumeration of contracts to exactly its values', () => {
    const mismatches: string[] = [];
    for (const [name, columns] of Object.entries(STORED_IN)) {
      const values = enums.get(name);
      if (!values) {
        mismatches.push(`${name} is no longer exported by contracts: update STORED_IN`);
        continue;
      }
      for (const column of columns) {
        const check = checks.find((candidate) => candidate.column === column);
        if (!check) mismatches.push(`${column} has no CHECK limiting it to ${name}`);
        else if (!sameSet(check.values, values)) {
          mismatches.push(`${column} (${check.constraint}) allows [${sorted(check.values).join(', ')}] but ${name} is [${sorted(values).join(', ')}]: write a migration`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('classifies every enumeration of contracts: stored in a checked column, or never stored', () => {
    const unaccounted = [...enums]
      .filter(([name]) => !(name in STORED_IN) && !(name in NOT_A_CHECKED_COLUMN))
      // An enumeration added with its migration is accounted for when some CHECK allows exactly its values.
      .filter(([, values]) => !checks.some((check) => sameSet(check.values, values)))
      .map(([name, values]) => `${name} [${values.join(', ')}] matches no CHECK of the database: ${REGISTER_HINT}`);
    expect(unaccounted).toEqual([]);
  });

  it('backs every CHECK list of the database with an enumeration of contracts', () => {
    const listed = new Set(Object.values(STORED_IN).flat());
    const orphans = checks
      .filter((check) => !listed.has(check.column))
      .filter((check) => ![...enums.values()].some((values) => sameSet(values, check.values)))
      .map((check) => `${check.column} (${check.constraint}) allows [${check.values.join(', ')}], which no enumeration of contracts equals`);
    expect(orphans).toEqual([]);
  });

  it('matches the entities: TypeORM would generate no migration', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
