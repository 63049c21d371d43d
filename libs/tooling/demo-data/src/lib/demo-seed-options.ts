/** What the seeder takes from the configuration; the seed command passes it in. */
export interface DemoSeedOptions {
  /** Demo accounts must change the shared demo password at first login (FORCE_PASSWORD_CHANGE). */
  forcePasswordChange: boolean;
}

export const DEMO_SEED_OPTIONS = Symbol('DEMO_SEED_OPTIONS');
