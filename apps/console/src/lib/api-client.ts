import { withAuthRetry } from './session/auth-retry';
import { isUnauthenticated, session } from './session/session';
import { isApiError, sendForBlob, sendJson, type ApiRequestOptions } from './http';

export { API_BASE, ApiError, isApiError, type ApiRequestOptions } from './http';

/** The api refuses everything but the password change until the user has changed it. */
function watchForPasswordChange(error: unknown): never {
  if (isApiError(error) && error.status === 403 && error.code === 'password_change_required') session.markPasswordChangeRequired();
  throw error;
}

/**
 * A request on behalf of the logged-in user: sends the access token, and on a 401 refreshes once
 * (shared with every other request that failed meanwhile) and retries once.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  try {
    const response = await withAuthRetry(session, (token) => sendJson<T>(path, { ...options, token }), isUnauthenticated);
    return response.data;
  } catch (error) {
    return watchForPasswordChange(error);
  }
}

/** A file download (CSV export) on behalf of the logged-in user. */
export async function apiDownload(path: string, options: Omit<ApiRequestOptions, 'body'> & { accept?: string } = {}): Promise<Blob> {
  try {
    return await withAuthRetry(session, (token) => sendForBlob(path, { ...options, token }), isUnauthenticated);
  } catch (error) {
    return watchForPasswordChange(error);
  }
}
