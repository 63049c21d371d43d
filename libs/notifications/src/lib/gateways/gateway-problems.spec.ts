import { gatewayProblems } from './gateway-problems';

const sms = { kind: 'sms' as const, name: 'VNPT brandname', url: 'https://sms.example.vn/send', bodyTemplate: '{"to":"{{address}}","text":"{{text}}"}' };
const email = { kind: 'email' as const, name: 'SMTP Sở', smtpHost: 'smtp.example.vn', smtpPort: 587, fromAddress: 'canhbao@example.vn' };
const fields = (problems: ReturnType<typeof gatewayProblems>) => problems.map((problem) => `${problem.field}:${problem.code}`);

describe('gateway problems', () => {
  it('accepts a complete HTTP gateway and a complete SMTP gateway', () => {
    expect(gatewayProblems(sms)).toEqual([]);
    expect(gatewayProblems(email)).toEqual([]);
  });

  it('names what an HTTP gateway lacks or gets wrong', () => {
    expect(fields(gatewayProblems({ kind: 'zalo', name: ' ' }))).toEqual(['name:required', 'url:required', 'bodyTemplate:required']);
    expect(fields(gatewayProblems({ ...sms, url: 'ftp://x', rateLimitPerSecond: 0 }))).toEqual(['rateLimitPerSecond:too_small', 'url:invalid_format']);
  });

  it('refuses unknown placeholders, a body that is not JSON, and headers the channel sets itself', () => {
    expect(fields(gatewayProblems({ ...sms, bodyTemplate: '{"to":"{{phone}}"}' }))).toEqual(['bodyTemplate:not_one_of']);
    expect(fields(gatewayProblems({ ...sms, bodyTemplate: '{"to":{{address}}}' }))).toEqual(['bodyTemplate:invalid_format']);
    expect(fields(gatewayProblems({ ...sms, headers: { 'Idempotency-Key': 'x', 'x-api-key': 'a\r\nb' } }))).toEqual([
      'headers.Idempotency-Key:invalid_format',
      'headers.x-api-key:not_a_string',
    ]);
  });

  it('names what an SMTP gateway lacks, and a short webhook secret', () => {
    expect(fields(gatewayProblems({ kind: 'email', name: 'x', fromAddress: 'not-an-address', webhookSecret: 'short' }))).toEqual([
      'webhookSecret:too_short',
      'smtpHost:required',
      'smtpPort:required',
      'fromAddress:not_an_email',
    ]);
  });
});
