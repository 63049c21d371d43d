import '../../integration/support/register-paths';
import { destroyTestEnvironment } from '../../integration/support/test-database';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.netdutyBrowserStack;
  if (!stack) return;
  await Promise.all(
    stack.processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await destroyTestEnvironment(stack.environment);
}
