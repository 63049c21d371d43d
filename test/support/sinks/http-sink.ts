import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MessageRecorder } from './message-recorder';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** What the sink answered. */
  status: number;
}

export interface SinkAnswer {
  status: number;
  body?: string;
}

/** Decides each answer from the request and how many requests with the same Idempotency-Key came before it. */
export type SinkResponder = (request: Omit<ReceivedRequest, 'status' | 'receivedAt'>, previousWithSameKey: number) => SinkAnswer;

export interface HttpSink {
  url: string;
  /** Every request, answered or not with a 2xx. */
  received: MessageRecorder<ReceivedRequest>;
  /** Only the requests answered with a 2xx: the messages the gateway accepted. */
  accepted: MessageRecorder<ReceivedRequest>;
  respondWith(responder: SinkResponder): void;
  close(): Promise<void>;
}

const acceptAll: SinkResponder = (_request, previous) => ({ status: 200, body: JSON.stringify({ messageId: `sink-${previous}-${Date.now()}` }) });

/** A real HTTP gateway stand-in (node:http) on a random loopback port, recording every request. */
export async function startHttpSink(): Promise<HttpSink> {
  const received = new MessageRecorder<ReceivedRequest>();
  const accepted = new MessageRecorder<ReceivedRequest>();
  const seenKeys = new Map<string, number>();
  let responder = acceptAll;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const incoming = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      const key = String(request.headers['idempotency-key'] ?? '');
      const previous = seenKeys.get(key) ?? 0;
      seenKeys.set(key, previous + 1);
      const answer = responder(incoming, previous);
      const entry = { ...incoming, status: answer.status, receivedAt: Date.now() };
      received.record(entry);
      if (answer.status >= 200 && answer.status < 300) accepted.record(entry);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    accepted,
    respondWith: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
