/**
 * What the apps need of the database besides the area modules: the migrate command's steps and the
 * reading of a driver's unique-key violation (the exception filter's safety net). The apps never import
 * the data-access lib itself; the platform opens, migrates and interprets the database for them.
 */
export {
  createDatabaseIfMissing,
  DEFAULT_MIGRATION_DATABASE_URL,
  provisionApplicationLogin,
  runMigrations,
  uniqueViolationField,
} from '@netduty/persistence';
