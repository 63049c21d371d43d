#!/usr/bin/env node
// The local message sink for `npm start`: what NetDuty sends by e-mail (SMTP) and through HTTP gateways
// (SMS brandname, Zalo OA, Telegram) lands here instead of reaching anyone, is kept under tmp/sink/,
// and is listed at http://localhost:8025.
//   SMTP  127.0.0.1:${SINK_SMTP_PORT:-2525}   (no TLS, no login)
//   HTTP  127.0.0.1:${SINK_HTTP_PORT:-8025}   POST /sms, /zalo, /telegram (any path): stored, 200 {"id"}
//                                             GET / the list, GET /messages.json, GET /messages/<id>
// With SINK_RECEIPTS_URL (the api's /api/v1/webhooks/gateways) and SINK_WEBHOOK_SECRET (the gateway's
// webhook secret), each HTTP-gateway message is reported "delivered" a moment later, signed like a
// real gateway's delivery receipt, to <url>/<X-NetDuty-Gateway>/receipts.
// Development only: the demo seed points its gateways here when NODE_ENV is development.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { SMTPServer } from 'smtp-server';

const HOST = process.env.SINK_HOST ?? '127.0.0.1';
const SMTP_PORT = Number(process.env.SINK_SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.SINK_HTTP_PORT ?? 8025);
const DIR = resolve(process.env.SINK_DIR ?? 'tmp/sink');
const MAX_BODY = 1024 * 1024;
const RECEIPTS_URL = process.env.SINK_RECEIPTS_URL;
const WEBHOOK_SECRET = process.env.SINK_WEBHOOK_SECRET;
const RECEIPT_DELAY_MS = 1500;
mkdirSync(DIR, { recursive: true });

let sequence = 0;
/** Sortable, unique file names: <UTC instant>-<kind>-<n>. */
function newId(kind) {
  sequence += 1;
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}-${String(sequence).padStart(5, '0')}`;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / ?Q?), as nodemailer writes a Vietnamese subject. */
function decodeWords(value) {
  return value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=\s*/g, (_all, _charset, encoding, text) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function headerOf(source, name) {
  const head = source.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((entry) => entry.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
}

/** The first text/plain part, decoded (quoted-printable or base64), for the list's preview. */
function plainText(source) {
  const parts = source.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of [source, ...parts]) {
    const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
    if (!/content-type:\s*text\/plain/i.test(head) && part !== source) continue;
    if (part === source && /content-type:\s*multipart/i.test(head)) continue;
    const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]+--\s*$/, '');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
      return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    }
    return body;
  }
  return '';
}

function store(message) {
  writeFileSync(join(DIR, `${message.id}.json`), JSON.stringify(message, null, 2));
  console.log(`[sink] ${message.kind} to ${message.to}: ${message.subject.slice(0, 80)}`);
}

const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: 10 * MAX_BODY,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const source = Buffer.concat(chunks).toString('utf8');
      const id = newId('email');
      store({
        id,
        kind: 'email',
        receivedAt: new Date().toISOString(),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
        subject: headerOf(source, 'Subject'),
        text: plainText(source),
        messageId: headerOf(source, 'Message-ID'),
        source,
      });
      callback(null, `stored ${id}`);
    });
  },
});
smtp.on('error', (error) => console.error(`[sink] smtp: ${error.message}`));

function list() {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, 500)
    .map((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')));
}

const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(messages) {
  const rows = messages
    .map(
      (message) => `<tr><td>${escape(new Date(message.receivedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))}</td>
<td><span class="kind ${escape(message.kind)}">${escape(message.kind)}</span></td><td>${escape(message.to)}</td>
<td><a href="/messages/${escape(message.id)}">${escape(message.subject || '(không tiêu đề / no subject)')}</a><div class="text">${escape(message.text.slice(0, 400))}</div></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>NetDuty — hộp thư cục bộ / local sink</title>
<style>body{font:14px system-ui,sans-serif;margin:16px;color:#1f2937}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
.kind{border-radius:4px;padding:1px 6px;font-size:12px;background:#e0e7ff}.kind.email{background:#dcfce7}.text{color:#6b7280;white-space:pre-wrap;font-size:12px;max-height:4.5em;overflow:hidden}
@media (max-width:600px){td:nth-child(1){display:none}}</style></head><body>
<h1>Hộp thư cục bộ <small>/ local message sink</small></h1>
<p>Thư điện tử (SMTP 127.0.0.1:${SMTP_PORT}) và tin nhắn qua cổng HTTP (POST http://127.0.0.1:${HTTP_PORT}/sms) mà NetDuty gửi khi chạy <code>npm start</code>: không đến tay ai, được lưu ở <code>${escape(DIR)}</code>.
<br><small>E-mail and HTTP-gateway messages sent by the local NetDuty; nothing leaves this machine. ${messages.length} message(s); refreshes every 5 s. <a href="/messages.json">JSON</a></small></p>
<table><thead><tr><th>Lúc / At</th><th>Kênh / Channel</th><th>Đến / To</th><th>Nội dung / Message</th></tr></thead><tbody>
${rows || '<tr><td colspan="4">Chưa có tin nào. / Nothing yet.</td></tr>'}</tbody></table></body></html>`;
}

/** Tells the api the handset got the message, as a gateway's delivery receipt does; tries again once if it outran the send's own write. */
function sendReceipt(gatewayId, messageId, attempt = 1) {
  if (!RECEIPTS_URL || !WEBHOOK_SECRET || !/^[0-9a-f-]{36}$/i.test(gatewayId ?? '')) return;
  setTimeout(async () => {
    const body = JSON.stringify({ messageId, status: 'delivered' });
    const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
    try {
      const answer = await fetch(`${RECEIPTS_URL}/${gatewayId}/receipts`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-signature': signature }, body });
      const result = await answer.json().catch(() => ({}));
      if (attempt < 2 && Array.isArray(result.unmatched) && result.unmatched.includes(messageId)) sendReceipt(gatewayId, messageId, attempt + 1);
    } catch (error) {
      console.log(`[sink] receipt for ${messageId} not delivered: ${error.message}`);
    }
  }, RECEIPT_DELAY_MS * attempt).unref();
}

const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${HOST}`);
  if (request.method === 'GET' && url.pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(list()));
    return;
  }
  if (request.method === 'GET' && url.pathname === '/messages.json') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list()));
    return;
  }
  const detail = /^\/messages\/([\w-]+)$/.exec(url.pathname);
  if (request.method === 'GET' && detail) {
    const message = list().find((entry) => entry.id === detail[1]);
    if (!message) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(message.source ?? JSON.stringify(message, null, 2));
    return;
  }
  if (request.method === 'POST' || request.method === 'PUT') {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY) return void response.writeHead(413).end();
      const source = Buffer.concat(chunks).toString('utf8');
      let body = {};
      try {
        body = JSON.parse(source);
      } catch {
        body = {};
      }
      const kind = url.pathname.replace(/^\//, '').split('/')[0] || 'http';
      const id = newId(kind.replace(/\W/g, '') || 'http');
      const pick = (...keys) => keys.map((key) => body[key]).find((value) => typeof value === 'string') ?? '';
      const text = pick('text', 'message', 'content', 'body');
      store({
        id,
        kind,
        receivedAt: new Date().toISOString(),
        to: pick('to', 'phone', 'address', 'chat_id', 'recipient'),
        subject: text.split('\n')[0] ?? '',
        text,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
        source: `${request.method} ${url.pathname}\n${Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${source}`,
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      sendReceipt(request.headers['x-netduty-gateway'], id);
    });
    return;
  }
  response.writeHead(404).end('not found');
});

smtp.listen(SMTP_PORT, HOST, () => console.log(`[sink] SMTP on ${HOST}:${SMTP_PORT}`));
http.listen(HTTP_PORT, HOST, () => console.log(`[sink] messages at http://localhost:${HTTP_PORT} (HTTP gateways: POST http://${HOST}:${HTTP_PORT}/sms)`));

function stop() {
  http.close();
  smtp.close(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
