import './register-paths';
import { createTestEnvironment } from './test-database';

export default async function globalSetup(): Promise<void> {
  await createTestEnvironment();
}
