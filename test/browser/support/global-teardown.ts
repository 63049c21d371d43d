import '../../integration/support/register-paths';
import { stopBrowserStack } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.netdutyBrowserStack;
  if (!stack) return;
  await stopBrowserStack(stack);
}
