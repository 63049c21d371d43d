import { InitialSchema1763776800000 } from './1763776800000-initial-schema';

/** Every migration, in order. Listed explicitly so bundled apps and the CLI see the same set. */
export const MIGRATIONS = [InitialSchema1763776800000];
