import { consoleUrl, DEMO_PASSWORD } from './console-page';

/**
 * The api as a script would call it, through the console's own origin (its server proxies /api): for
 * tests that make something happen outside the browser under test (another console reporting a fault).
 */
export async function apiLogin(username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${consoleUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function apiCall<T>(token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${consoleUrl()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
