import './register-paths';
import { destroyTestEnvironment } from './test-database';
import { currentTestEnvironment } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  await destroyTestEnvironment(currentTestEnvironment());
}
