import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { MessageRecorder } from './message-recorder';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Header names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  raw: string;
  receivedAt: number;
}

/** What the sink answers to the next messages' RCPT TO, e.g. `{ code: 451, message: 'try later' }`. */
export interface SmtpRefusal {
  code: number;
  message: string;
}

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  received: MessageRecorder<ReceivedMail>;
  /** Refuses the next `count` recipients with `refusal`, then accepts again. */
  refuseNext(count: number, refusal: SmtpRefusal): void;
  close(): Promise<void>;
}

function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    if (/^\s/.test(line) && last) {
      headers[last] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** A real SMTP server (the smtp-server package) on a random loopback port, recording every message. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received = new MessageRecorder<ReceivedMail>();
  const refusals: SmtpRefusal[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      const refusal = refusals.shift();
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.record({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          headers: parseHeaders(raw),
          raw,
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    received,
    refuseNext: (count, refusal) => {
      for (let i = 0; i < count; i += 1) refusals.push(refusal);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
