import { request } from 'node:http';
import type { ApiErrorBody } from '@netduty/contracts';

/** `{"a":{"a":…{"a":1}…}}`, nested `depth` objects deep. */
export function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A raw request, so the test chooses every header (fetch would not send a wrong Content-Encoding). */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: ApiErrorBody; contentType: string | undefined }> {
  const url = new URL(`${baseUrl}/api/v1${path}`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: ApiErrorBody;
          try {
            parsed = JSON.parse(text) as ApiErrorBody;
          } catch {
            // Not a code of the wire on purpose: an assertion on the code then shows what came back instead.
            parsed = { statusCode: response.statusCode ?? 0, code: `not JSON: ${text.slice(0, 80)}` as ApiErrorBody['code'], message: '' };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed, contentType: response.headers['content-type'] });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
