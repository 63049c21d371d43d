import { execFile } from 'node:child_process';

export interface BurstAnswer {
  status: number;
  retryAfter: string | null;
  elapsedMs: number;
}

/**
 * Sends requests all at once from a process of their own, as an NMS would: a client sharing the api's
 * event loop (the test process) would itself spread the burst out over hundreds of milliseconds.
 */
const CLIENT = `
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const { url, headers, bodies } = JSON.parse(input);
  const answers = await Promise.all(bodies.map(async (body) => {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), elapsedMs: performance.now() - started };
  }));
  process.stdout.write(JSON.stringify(answers));
});`;

export function postBurst(url: string, headers: Record<string, string>, bodies: unknown[]): Promise<BurstAnswer[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', CLIENT], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout) as BurstAnswer[]);
    });
    child.stdin?.end(JSON.stringify({ url, headers, bodies }));
  });
}
